import { Command } from '@nestjs/cqrs';
import type { DeliveryStatus } from '../../../domain/channel';

/**
 * A provider's report on a message it accepted (a Twilio status callback), naming it by the
 * provider's message id. `recorded` is false for an unknown id, a repeat, or a report older
 * than the one already recorded: providers retry and reorder callbacks.
 */
export class RecordDeliveryReport extends Command<{ recorded: boolean }> {
  constructor(
    readonly report: {
      providerMessageId: string;
      status: DeliveryStatus;
      /** The provider's error code with UNDELIVERED/FAILED (Twilio's ErrorCode, e.g. 30003). */
      errorCode?: string | null;
    },
  ) {
    super();
  }
}
