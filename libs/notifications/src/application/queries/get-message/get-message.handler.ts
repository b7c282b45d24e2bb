import { NotFoundError } from '@carebook/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { MessageDto } from '../../dto/message-history.dto';
import { MESSAGE_COLUMNS, MessageRow, messageRowToDto } from '../message-read-model/message-row';
import { MessageScope } from '../message-read-model/message-scope';
import { GetMessage } from './get-message.query';

@QueryHandler(GetMessage)
export class GetMessageHandler implements IQueryHandler<GetMessage> {
  constructor(private readonly db: DataSource) {}

  async execute({ actor, messageId }: GetMessage): Promise<MessageDto> {
    const scope = MessageScope.of(actor, { patients: true }).condition(2);
    const [row]: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM message_log m WHERE m.id = $1 AND ${scope.sql}`,
      [messageId, ...scope.params],
    );
    if (!row) throw new NotFoundError('Message');
    return messageRowToDto(row);
  }
}
