import { Clock } from '@carebook/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MessageRepository } from '../../../domain/message.repository';
import { RecordDeliveryReport } from './record-delivery-report.command';

@CommandHandler(RecordDeliveryReport)
export class RecordDeliveryReportHandler implements ICommandHandler<RecordDeliveryReport> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ report }: RecordDeliveryReport): Promise<{ recorded: boolean }> {
    const message = await this.messages.findByProviderMessageId(report.providerMessageId);
    if (!message) return { recorded: false };
    const errorCode = report.errorCode?.trim().slice(0, 20) || null;
    if (!message.recordDelivery(report.status, errorCode, this.clock.now())) {
      return { recorded: false };
    }
    await this.messages.save(message);
    return { recorded: true };
  }
}
