import { APP_CONFIG, NotFoundError } from '@carebook/core';
import type { AppConfig } from '@carebook/core';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Channel, MessageStatus } from '../../../domain/channel';
import type { CapturedMessageDto, CapturedMessageListDto } from '../../dto/captured-message.dto';
import { ListCapturedMessages } from './list-captured-messages.query';

interface CapturedRow {
  id: string;
  recipient: string;
  channel: Channel;
  template: string;
  subject: string | null;
  body: string;
  status: MessageStatus;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
}

@QueryHandler(ListCapturedMessages)
export class ListCapturedMessagesHandler implements IQueryHandler<ListCapturedMessages> {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'devMessages'>,
  ) {}

  async execute({ filter }: ListCapturedMessages): Promise<CapturedMessageListDto> {
    // Bodies hold OTPs: the capture is readable only where the operator switched it on.
    if (!this.config.devMessages) throw new NotFoundError();
    const rows: CapturedRow[] = await this.db.query(
      `SELECT id, recipient, channel, template, subject, body, status, attempts, created_at, sent_at
         FROM message_log
        WHERE channel = 'LOG' AND status = 'SENT'
          AND ($1::text IS NULL OR recipient = $1)
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      [filter.to ?? null, filter.limit],
    );
    return { items: rows.map(toDto) };
  }
}

function toDto(row: CapturedRow): CapturedMessageDto {
  return {
    id: row.id,
    to: row.recipient,
    channel: row.channel,
    template: row.template,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}
