import type { RealtimeMessage } from '../../domain/socket-events';

/** A notice sent to sockets right before the server disconnects them. */
export interface DisconnectNotice {
  event: string;
  payload: Record<string, unknown>;
}

/**
 * Port: hands pushes to every API process's `/notifications` sockets. Resolves once the push
 * is handed over (a failure rejects, so the domain-events job retries: at least once).
 */
export abstract class RealtimePublisher {
  /** Emits `message.event` once to every socket in any of `message.rooms`. */
  abstract publish(message: RealtimeMessage): Promise<void>;
  /** Sends `notice` to the sockets in `rooms`, then disconnects them. */
  abstract disconnect(rooms: string[], notice: DisconnectNotice): Promise<void>;
}
