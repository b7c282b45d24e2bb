import { DateTime } from 'luxon';

/**
 * Locales whose CLDR data name the zones of the regions carebook serves ("IST" exists only
 * in en-IN, "BST" only in en-GB, ...). The first that has a name for a zone gives it; a zone
 * none names is written as its offset ("GMT+8"), which is never ambiguous.
 */
const ZONE_NAME_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-IE', 'en-ZA', 'en-CA'];
const OFFSET_ONLY = /^(GMT|UTC)[+\-\u2212]/;

function inZone(at: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale('en-GB');
  if (!local.isValid) throw new RangeError(`unknown time zone "${timeZone}"`);
  return local;
}

/** The zone's short name at that instant: `BST` or `GMT` in London, `IST` in Kolkata. */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  const local = inZone(at, timeZone);
  let fallback = '';
  for (const locale of ZONE_NAME_LOCALES) {
    const name = local.setLocale(locale).toFormat('ZZZZ');
    if (!OFFSET_ONLY.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

/** `Sunday 29 March 2026 at 09:30 BST`: the wall-clock time at the centre, with its zone. */
export function centreDateTime(at: Date, timeZone: string): string {
  return `${inZone(at, timeZone).toFormat("cccc d LLLL yyyy 'at' HH:mm")} ${zoneAbbreviation(at, timeZone)}`;
}

/** `Sun 29 Mar, 09:30 BST`: the same, short enough for a subject line. */
export function shortCentreDateTime(at: Date, timeZone: string): string {
  return `${inZone(at, timeZone).toFormat('ccc d LLL, HH:mm')} ${zoneAbbreviation(at, timeZone)}`;
}

/** `09:30 BST`. */
export function centreTime(at: Date, timeZone: string): string {
  return `${inZone(at, timeZone).toFormat('HH:mm')} ${zoneAbbreviation(at, timeZone)}`;
}

/** `₹1,500.00` from minor units (paise, cents) and an ISO 4217 code. */
export function money(amountMinor: number, currency: string): string {
  const locale = currency === 'INR' ? 'en-IN' : 'en-GB';
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** Only http(s) links go into a message; anything else is a bug upstream. */
export function checkedUrl(url: string): string {
  if (!/^https?:\/\/[^\s"'<>]+$/i.test(url)) throw new RangeError('a message link must be http(s)');
  return url;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** One HTML building block; plain strings are escaped, so data never becomes markup. */
export type Block = { html: string };
export const paragraph = (text: string): Block => ({ html: `<p>${escapeHtml(text)}</p>` });
export const button = (url: string, label: string): Block => ({
  html: `<p><a href="${escapeHtml(checkedUrl(url))}" style="display:inline-block;padding:10px 18px;background:#0b7285;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a></p>`,
});
export const details = (rows: [string, string | undefined][]): Block => ({
  html: `<table role="presentation" style="border-collapse:collapse">${rows
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(
      ([label, value]) =>
        `<tr><td style="padding:2px 12px 2px 0;color:#52606d">${escapeHtml(label)}</td><td style="padding:2px 0"><strong>${escapeHtml(value)}</strong></td></tr>`,
    )
    .join('')}</table>`,
});

/** A complete, mail-client-safe HTML document (inline styles only). */
export function htmlDocument(title: string, blocks: Block[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">',
    ...blocks.map((b) => b.html),
    '<p style="color:#7b8794;font-size:12px">Sent by carebook.</p>',
    '</body></html>',
  ].join('\n');
}
