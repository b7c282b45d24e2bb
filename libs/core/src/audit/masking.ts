/**
 * Masks for identifiers that audit rows and logs may carry without holding the identifier
 * itself (a failed login records what was tried, not who it might have been).
 */

/** `+919876544321` -> `+91******4321`: the first two and last four digits; short input is masked whole. */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const plus = trimmed.startsWith('+') ? '+' : '';
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 8) return `${plus}${'*'.repeat(Math.max(digits.length, 3))}`;
  return `${plus}${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
}

/** `asha.rao@Example.com` -> `a***@example.com`: the first letter and the domain, never the length. */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return maskOpaque(trimmed);
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  return `${local.length > 1 ? local[0] : ''}***@${domain}`;
}

/**
 * Masks whatever someone typed as a login identifier: a phone or an email as above, anything
 * else (a username, or a password typed into the wrong field) down to its first character.
 */
export function maskIdentifier(value: string): string {
  const trimmed = value.trim();
  if (trimmed.includes('@')) return maskEmail(trimmed);
  if (/^\+?[\d\s()-]{7,}$/.test(trimmed)) return maskPhone(trimmed);
  return maskOpaque(trimmed);
}

function maskOpaque(value: string): string {
  return value.length > 3 ? `${value[0]}***` : '***';
}
