import { ValidateBy, ValidationOptions } from 'class-validator';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for `YYYY-MM-DD` naming a real calendar date. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !LOCAL_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** True for an ISO-8601 date-time with a zone (`Z` or an offset): one instant, unambiguous. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** `YYYY-MM-DD`, a real date. */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: isLocalDate,
        defaultMessage: (a) => `${a?.property} must be a date as YYYY-MM-DD`,
      },
    },
    options,
  );

/** An ISO-8601 date-time with `Z` or an offset, e.g. `2026-03-02T10:30:00+05:30`. */
export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: (a) =>
          `${a?.property} must be an ISO-8601 date-time with Z or an offset, e.g. 2026-03-02T10:30:00+05:30`,
      },
    },
    options,
  );

/** A date-time (as IsInstant) or a local date (YYYY-MM-DD, in the centre's time zone). */
export const IsInstantOrLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstantOrLocalDate',
      validator: {
        validate: (v: unknown) => isInstant(v) || isLocalDate(v),
        defaultMessage: (a) =>
          `${a?.property} must be YYYY-MM-DD or an ISO-8601 date-time with Z or an offset`,
      },
    },
    options,
  );
