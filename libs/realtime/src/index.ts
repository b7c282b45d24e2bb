/**
 * @carebook/realtime: live pushes on the Socket.IO namespace `/notifications`. The rooms a
 * socket joins (`roomsFor`), the domain event -> (socket event, rooms, payload) mapping as pure
 * functions, the worker's `RealtimeModule` that publishes them after commit through the Redis
 * emitter, and the API's `RealtimeIoAdapter` (Redis adapter, so every API process delivers).
 */
export * from './realtime.module';
export * from './domain/rooms';
export * from './domain/socket-events';
export * from './application/mappings/audiences';
export * from './application/mappings/appointment-messages';
export * from './application/mappings/clinician-messages';
export * from './application/mappings/payment-messages';
export * from './application/mappings/alert-messages';
export * from './application/mappings/revocation-notices';
export { RealtimePublisher } from './application/ports/realtime-publisher';
export type { DisconnectNotice } from './application/ports/realtime-publisher';
export { NOTIFICATIONS_NAMESPACE, realtimeChannelKey } from './infrastructure/realtime-channel';
export { RealtimeIoAdapter } from './infrastructure/realtime-io.adapter';
