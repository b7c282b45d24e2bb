import { normalisePhone } from '@carebook/core';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { Recipient } from '../../domain/recipient';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for `YYYY-MM-DD` naming a real calendar date. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** True for an ISO-8601 date-time with `Z` or an offset: one instant, unambiguous. */
export function isZonedInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** A date-time with `Z` or an offset, or a date `YYYY-MM-DD`. */
export const IsInstantOrDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstantOrDate',
      validator: {
        validate: (v: unknown) => isZonedInstant(v) || isCalendarDate(v),
        defaultMessage: (a) =>
          `${a?.property} must be YYYY-MM-DD or an ISO-8601 date-time with Z or an offset`,
      },
    },
    options,
  );

/** An E.164 phone number or an e-mail address. */
export const IsRecipientAddress = () =>
  ValidateBy({
    name: 'isRecipientAddress',
    validator: {
      validate: (value) => Recipient.isValid(value),
      defaultMessage: (a) =>
        `${a?.property} must be an E.164 phone number (+918041234567) or an e-mail address`,
    },
  });

/**
 * Any common phone notation becomes E.164; an unencoded `+` typed in a query string
 * (`?recipient=+9198...`) arrives as a space and still means the phone.
 */
export const NormaliseRecipient = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? (normalisePhone(value.replace(/^ (?=[1-9])/, '+')) ?? value.trim())
      : value,
  );
