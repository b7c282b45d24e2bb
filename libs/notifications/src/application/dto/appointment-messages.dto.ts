import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `POST /notifications/appointment-confirmation` and `/appointment-reminder`. */
export class AppointmentMessageRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The appointment to confirm or remind of' })
  @IsUUID()
  appointmentId: string;
}

/** The messages a resend queued: delivered by the worker, followed in the message history. */
export class AppointmentMessagesQueuedDto {
  @ApiProperty({ format: 'uuid' }) appointmentId: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      "The queued messages: the first to the patient's phone (on their preferred channel, SMS " +
      'by default), the second, when the patient has an e-mail address, by e-mail (a confirmation ' +
      'attaches the `.ics` invite)',
  })
  messageIds: string[];
}
