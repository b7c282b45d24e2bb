import { FieldError, ValidationFailedError } from '@carebook/core';
import { CalendarEvent, calendarEventErrors } from './calendar-event';
import type { Channel } from './channel';
import type { Recipient } from './recipient';

/** What a new message says and to whom. `sensitive` marks secrets (OTPs), erased once sent. */
export interface MessageDraft {
  recipient: Recipient;
  channel: Channel;
  template: string;
  subject?: string | null;
  body: string;
  /** The HTML part of an e-mail (other channels send `body`). */
  html?: string | null;
  /** An appointment an e-mail attaches as an `.ics` invite. */
  calendarEvent?: CalendarEvent | null;
  sensitive?: boolean;
  idempotencyKey?: string | null;
  /** What the message concerns, for history, stats and centre scoping. */
  about?: MessageAbout;
}

/** The centre, patient and appointment a message concerns (ids in other contexts). */
export interface MessageAbout {
  centreId?: string | null;
  patientId?: string | null;
  appointmentId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same bounds as the `message_log` checks. */
export const DRAFT_LIMITS = {
  template: 64,
  subject: 200,
  body: 20_000,
  html: 100_000,
  idempotencyKey: 200,
};
const TEMPLATE = /^[a-z][a-z0-9._-]*$/;

/**
 * The draft with blank optional texts as null; throws VALIDATION_FAILED listing every broken
 * rule. The body is kept exactly as given (templates may rely on its whitespace).
 */
export function validDraft(draft: MessageDraft): {
  subject: string | null;
  html: string | null;
  idempotencyKey: string | null;
} {
  const subject = draft.subject?.trim() || null;
  const html = draft.html?.trim() ? draft.html : null;
  const idempotencyKey = draft.idempotencyKey?.trim() || null;
  const errors: FieldError[] = [];
  const tooLong = (field: string, max: number) =>
    errors.push({ field, message: `${field} must be at most ${max} characters` });
  if (draft.template.length > DRAFT_LIMITS.template || !TEMPLATE.test(draft.template)) {
    errors.push({
      field: 'template',
      message: `template must be a lower-case name such as otp (at most ${DRAFT_LIMITS.template} characters)`,
    });
  }
  if (!draft.body.trim()) errors.push({ field: 'body', message: 'body must not be empty' });
  if (draft.body.length > DRAFT_LIMITS.body) tooLong('body', DRAFT_LIMITS.body);
  if (subject && subject.length > DRAFT_LIMITS.subject) tooLong('subject', DRAFT_LIMITS.subject);
  if (idempotencyKey && idempotencyKey.length > DRAFT_LIMITS.idempotencyKey) {
    tooLong('idempotencyKey', DRAFT_LIMITS.idempotencyKey);
  }
  if (html && html.length > DRAFT_LIMITS.html) tooLong('html', DRAFT_LIMITS.html);
  if (draft.calendarEvent) errors.push(...calendarEventErrors(draft.calendarEvent));
  for (const [field, id] of Object.entries(draft.about ?? {})) {
    if (id != null && !UUID.test(id)) errors.push({ field: `about.${field}`, message: `${field} must be a UUID` });
  }
  if (errors.length) throw new ValidationFailedError(errors);
  return { subject, html, idempotencyKey };
}
