import { Public } from '@carebook/core';
import { RecordDeliveryReport } from '@carebook/notifications';
import type { DeliveryStatus } from '@carebook/notifications';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConsumes, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Twilio's MessageStatus values that say where a message ended up; the rest are steps on the way. */
const REPORTED: Record<string, DeliveryStatus> = {
  delivered: 'DELIVERED',
  read: 'READ',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
};
const MESSAGE_SID = /^[A-Z]{2}[0-9a-f]{32}$/;

/**
 * Twilio's status callbacks (`StatusCallback` of every SMS/WhatsApp message we send): a form
 * POST signed with `X-Twilio-Signature`, called by Twilio, not by API clients. Not rate-limited per IP: Twilio posts bursts from few addresses,
 * and the signature check (an HMAC) rejects anything else cheaply.
 */
@ApiTags('notifications')
@Controller('notifications/webhooks')
export class TwilioWebhookController {
  constructor(private readonly commands: CommandBus) {}

  /** 204 for every signed call, also for statuses and messages we do not track (Twilio only logs answers). */
  @Post('twilio')
  @Public()
  @SkipThrottle()
  @UseGuards(TwilioSignatureGuard)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Twilio delivery status callback',
    description: 'Form POST from Twilio, authenticated by `X-Twilio-Signature` (HMAC over URL and form). Updates the delivery status of the message.',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiNoContentResponse({ description: 'Accepted (also for statuses that are not tracked)' })
  @ApiBadRequestResponse({ description: 'Missing or wrong signature (`INVALID_SIGNATURE`); nothing changes' })
  async statusCallback(@Body() form: Record<string, unknown>): Promise<void> {
    const { MessageSid: sid, MessageStatus: twilioStatus, ErrorCode: errorCode } = form;
    const status = typeof twilioStatus === 'string' ? REPORTED[twilioStatus] : undefined;
    if (typeof sid !== 'string' || !MESSAGE_SID.test(sid) || !status) return;
    await this.commands.execute(
      new RecordDeliveryReport({
        providerMessageId: sid,
        status,
        errorCode: typeof errorCode === 'string' && /^\d{1,10}$/.test(errorCode) ? errorCode : null,
      }),
    );
  }
}
