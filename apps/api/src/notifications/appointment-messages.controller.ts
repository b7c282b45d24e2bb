import { Actor, CurrentActor, Role, Roles } from '@carebook/core';
import {
  AppointmentMessageRequestDto,
  AppointmentMessagesQueuedDto,
  SendAppointmentConfirmation,
  SendAppointmentReminder,
} from '@carebook/notifications';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotent.interceptor';

/** Staff who may resend an appointment's messages (of their centres; ADMIN and MANAGER: all). */
const RESENDERS = [
  Role.ADMIN,
  Role.MANAGER,
  Role.CENTRE_MANAGER,
  Role.FRONT_DESK,
  Role.CARE_COORDINATOR,
];
const SCOPE =
  "Staff of the appointment's centre (ADMIN and MANAGER: every centre). Queues new messages " +
  "every time: to the patient's phone on their preferred channel (SMS by default) and, when " +
  'they have an e-mail address, by e-mail.';
const NOT_FOUND = { description: 'Unknown appointment, or one of another centre (`NOT_FOUND`)' };
const CONFLICT = {
  description:
    '`APPOINTMENT_CANCELLED`; `APPOINTMENT_NOT_CONFIRMED` (a hold, or under way or over); ' +
    '`APPOINTMENT_NOT_UPCOMING` (it has started)',
};

/** Manual confirmation and reminder resends (`/api/v1/notifications`). */
@ApiTags('notifications')
@Controller('notifications')
export class AppointmentMessagesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('appointment-confirmation')
  @Idempotent()
  @HttpCode(202)
  @Roles(...RESENDERS)
  @ApiOperation({
    summary: 'Send the confirmation of a CONFIRMED appointment again',
    description: `${SCOPE} The e-mail attaches the appointment as an \`.ics\` invite.`,
  })
  @ApiAcceptedResponse({ type: AppointmentMessagesQueuedDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  async confirmation(
    @Body() body: AppointmentMessageRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentMessagesQueuedDto> {
    const { appointmentId, messageIds } = await this.commands.execute(
      new SendAppointmentConfirmation({ appointmentId: body.appointmentId, resend: { actor } }),
    );
    return { appointmentId, messageIds };
  }

  @Post('appointment-reminder')
  @Idempotent()
  @HttpCode(202)
  @Roles(...RESENDERS)
  @ApiOperation({
    summary: 'Remind the patient of an upcoming CONFIRMED appointment now',
    description: `${SCOPE} Within 90 minutes of the start it is the "starts soon" reminder, else the dated one.`,
  })
  @ApiAcceptedResponse({ type: AppointmentMessagesQueuedDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  async reminder(
    @Body() body: AppointmentMessageRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<AppointmentMessagesQueuedDto> {
    const { appointmentId, messageIds } = await this.commands.execute(
      new SendAppointmentReminder({ appointmentId: body.appointmentId, resend: { actor } }),
    );
    return { appointmentId, messageIds };
  }
}
