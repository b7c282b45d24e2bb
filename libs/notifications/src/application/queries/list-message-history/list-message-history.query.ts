import type { Actor, Page } from '@carebook/core';
import { Query } from '@nestjs/cqrs';
import type { Channel, DeliveryStatus, MessageStatus } from '../../../domain/channel';
import type { MessageDto } from '../../dto/message-history.dto';

export interface MessageHistoryFilter {
  channel?: Channel;
  status?: MessageStatus;
  deliveryStatus?: DeliveryStatus;
  template?: string;
  /** Exactly this E.164 phone or e-mail address. */
  recipient?: string;
  patientId?: string;
  appointmentId?: string;
  centreId?: string;
  /** Created at or after: an instant, or a UTC date. */
  from?: string;
  /** Created before: an instant, or a UTC date included whole. */
  to?: string;
  page: number;
  limit: number;
}

/**
 * The message log, newest first, within the actor's reach (see MessageScope): ADMIN and
 * MANAGER all of it, other reading staff their centres' messages, a patient their own. A
 * filter outside that reach matches nothing. Sensitive bodies come back as null.
 */
export class ListMessageHistory extends Query<Page<MessageDto>> {
  constructor(
    readonly actor: Actor,
    readonly filter: MessageHistoryFilter,
  ) {
    super();
  }
}
