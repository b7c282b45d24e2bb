import { maskRecipient } from '../../domain/recipient';

const MAX = 300;

/**
 * A provider's error text fit for `message_log.last_error` and job failure reasons: the
 * recipient masked wherever the provider echoed it (with or without the `+`), and bounded.
 */
export function providerErrorText(text: unknown, recipient: string): string {
  let out =
    String(text ?? '')
      .replace(/\s+/g, ' ')
      .trim() || 'no details';
  const variants = [recipient, recipient.replace(/^\+/, '')].filter((v) => v.length > 3);
  for (const variant of variants) out = out.split(variant).join(maskRecipient(recipient));
  if (recipient.includes('@')) {
    out = out.replace(new RegExp(escapeRegExp(recipient), 'gi'), maskRecipient(recipient));
  }
  return out.length > MAX ? `${out.slice(0, MAX - 1)}…` : out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
