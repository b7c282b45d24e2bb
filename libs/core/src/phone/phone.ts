import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Region assumed for numbers written without a country code (carebook starts in India). */
export const DEFAULT_PHONE_REGION: CountryCode = 'IN';

/** The E.164 form of a phone number (`+919876543210`), or undefined when it is not a valid number. */
export function normalisePhone(raw: unknown, region: CountryCode = DEFAULT_PHONE_REGION): string | undefined {
  // Only digits, spaces and the usual punctuation: "+919812345678x" is not a phone number.
  if (typeof raw !== 'string' || raw.length > 32 || !/^[+\d\s().-]+$/.test(raw.trim())) return undefined;
  const parsed = parsePhoneNumberFromString(raw.trim(), region);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * DTO decorator: accepts a phone in any common notation, validates it and hands the handler
 * its E.164 form. Invalid numbers are 400 VALIDATION_FAILED naming the field.
 */
export function IsPhone(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => normalisePhone(value) ?? value),
    ValidateBy({
      name: 'isPhone',
      validator: {
        validate: (value) => typeof value === 'string' && normalisePhone(value) === value,
        defaultMessage: (args) => `${args?.property ?? 'phone'} must be a valid phone number such as +919876543210`,
      },
    }),
  );
}
