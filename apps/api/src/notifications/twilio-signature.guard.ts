import { DomainError, MESSAGING_CONFIG, registerErrorStatus } from '@carebook/core';
import type { MessagingConfig } from '@carebook/core';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
// The SDK's own check; imported alone because `twilio` as a whole costs ~0.3 s to load.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';

registerErrorStatus({ INVALID_SIGNATURE: 400 });

/** A webhook call whose signature is missing or does not match: it changes nothing. */
export class InvalidWebhookSignatureError extends DomainError {
  readonly code = 'INVALID_SIGNATURE';
  constructor() {
    super('The X-Twilio-Signature header is missing or does not match the request.');
  }
}

/**
 * Lets a request through only when `X-Twilio-Signature` is Twilio's HMAC of the URL it called
 * and the form parameters, keyed with our auth token (`twilio.validateRequest`). The URL is
 * TWILIO_STATUS_CALLBACK_URL when set (what we asked Twilio to call; a proxy in front may
 * rewrite the host we see), else the URL as this server received it. Fails closed: no Twilio
 * configuration, or a body that is not a parsed form, is a bad signature.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(@Inject(MESSAGING_CONFIG) private readonly messaging: MessagingConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const authToken = this.messaging.twilio?.authToken;
    const signature = req.header('x-twilio-signature');
    const params: unknown = req.body;
    const isForm = req.is('application/x-www-form-urlencoded') && isPlainObject(params);
    if (!authToken || !signature || !isForm) throw new InvalidWebhookSignatureError();
    const received = `${req.protocol}://${req.get('host')}${req.originalUrl}`;
    const urls = [this.messaging.twilio?.statusCallbackUrl, received].filter(Boolean) as string[];
    const valid = urls.some((url) => {
      try {
        return validateRequest(authToken, signature, url, params);
      } catch {
        return false; // a Host header that makes no URL
      }
    });
    if (!valid) throw new InvalidWebhookSignatureError();
    return true;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
