import { DEFAULT_PHONE_REGION } from '@carebook/core';
import { getCountryCallingCode } from 'libphonenumber-js';

/** What a staff search term asks for. */
export type PatientSearch =
  | { kind: 'all' }
  /** E.164 prefixes (`+9198...`), any of which may match. */
  | { kind: 'phone'; prefixes: string[] }
  /** Words that must all occur in the name, and the whole term (for ranking). */
  | { kind: 'name'; words: string[]; term: string };

const PHONE_LIKE = /^\+?[\d\s().-]+$/;
const MAX_WORDS = 5;

/**
 * Reads a search term: digits (with an optional leading +, spaces, dashes, brackets) are a
 * phone prefix; anything else is a name. A number without + is tried both as international
 * digits and as a national number of the default region (`98...`, `098...` -> `+9198...`).
 */
export function parsePatientSearch(raw: string | undefined): PatientSearch {
  const term = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!term) return { kind: 'all' };
  const digits = term.replace(/\D/g, '');
  if (PHONE_LIKE.test(term) && digits) {
    if (term.startsWith('+')) return { kind: 'phone', prefixes: [`+${digits}`] };
    const cc = getCountryCallingCode(DEFAULT_PHONE_REGION);
    const alternative = digits.startsWith('00')
      ? `+${digits.slice(2)}`
      : `+${cc}${digits.replace(/^0/, '')}`;
    return { kind: 'phone', prefixes: [...new Set([`+${digits}`, alternative])] };
  }
  return { kind: 'name', words: term.split(' ').slice(0, MAX_WORDS), term };
}

/** `text` as a literal inside a LIKE pattern (backslash is PostgreSQL's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL for a search: WHERE (with its parameters) and ORDER BY (with its own, which follow). */
export interface SearchSql {
  where: string;
  whereParams: string[];
  orderBy: string;
  orderParams: string[];
}

/**
 * The SQL of a search, numbering parameters from `$first`. Name words use the trigram index
 * (`ILIKE '%word%'`), phone prefixes the `text_pattern_ops` index.
 */
export function searchSql(search: PatientSearch, first: number): SearchSql {
  const alive = 'p.deleted_at IS NULL';
  if (search.kind === 'all') {
    return { where: alive, whereParams: [], orderBy: 'p.created_at DESC, p.id', orderParams: [] };
  }
  if (search.kind === 'phone') {
    const likes = search.prefixes.map((_, i) => `p.phone LIKE $${first + i}`);
    return {
      where: `${alive} AND (${likes.join(' OR ')})`,
      whereParams: search.prefixes.map((prefix) => `${prefix}%`),
      orderBy: 'p.phone, p.id',
      orderParams: [],
    };
  }
  const likes = search.words.map((_, i) => `p.full_name ILIKE $${first + i}`);
  const next = first + search.words.length;
  return {
    where: `${alive} AND ${likes.join(' AND ')}`,
    whereParams: search.words.map((w) => `%${escapeLike(w)}%`),
    // Names starting with the term first, then the closest by trigram similarity.
    orderBy: `(p.full_name ILIKE $${next}) DESC, similarity(p.full_name, $${next + 1}) DESC, p.full_name, p.id`,
    orderParams: [`${escapeLike(search.term)}%`, search.term],
  };
}
