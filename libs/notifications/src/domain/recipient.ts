import { ValidationFailedError } from '@carebook/core';

const E164 = /^\+[1-9][0-9]{6,14}$/;
// Deliberately plain: one @, no spaces, a dot in the domain. Providers do the real checking.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_MAX = 254;

/** Who a message goes to: an E.164 phone number or an e-mail address, kept exactly as given. */
export class Recipient {
  private constructor(
    readonly address: string,
    readonly kind: 'phone' | 'email',
  ) {}

  /** Throws VALIDATION_FAILED (field `to`) unless `to` is an E.164 phone or an e-mail address. */
  static of(to: string): Recipient {
    const address = to.trim();
    if (E164.test(address)) return new Recipient(address, 'phone');
    if (address.length <= EMAIL_MAX && EMAIL.test(address)) return new Recipient(address, 'email');
    throw new ValidationFailedError([
      {
        field: 'to',
        message: 'to must be an E.164 phone number (+918041234567) or an e-mail address',
      },
    ]);
  }

  static isValid(to: unknown): to is string {
    if (typeof to !== 'string') return false;
    const address = to.trim();
    return E164.test(address) || (address.length <= EMAIL_MAX && EMAIL.test(address));
  }
}

/** A recipient fit for process logs: `+91******4321`, `a***@example.com`. */
export function maskRecipient(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  if (address.length <= 7) return '*'.repeat(address.length);
  return `${address.slice(0, 3)}${'*'.repeat(address.length - 7)}${address.slice(-4)}`;
}
