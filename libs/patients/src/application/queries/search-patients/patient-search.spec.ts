import { escapeLike, parsePatientSearch, searchSql } from './patient-search';

describe('parsePatientSearch', () => {
  it.each([
    [undefined, { kind: 'all' }],
    ['   ', { kind: 'all' }],
    ['+91 98123-45', { kind: 'phone', prefixes: ['+919812345'] }],
    ['98123', { kind: 'phone', prefixes: ['+98123', '+9198123'] }],
    ['098123', { kind: 'phone', prefixes: ['+098123', '+9198123'] }],
    ['0044 20', { kind: 'phone', prefixes: ['+004420', '+4420'] }],
    ['(981) 23', { kind: 'phone', prefixes: ['+98123', '+9198123'] }],
    [' Priya   Sharma ', { kind: 'name', words: ['Priya', 'Sharma'], term: 'Priya Sharma' }],
    ['Room 101', { kind: 'name', words: ['Room', '101'], term: 'Room 101' }],
    ['--', { kind: 'name', words: ['--'], term: '--' }],
  ])('reads %p', (raw, expected) => {
    expect(parsePatientSearch(raw)).toEqual(expected);
  });

  it('keeps at most five words', () => {
    expect(parsePatientSearch('a b c d e f g')).toMatchObject({ words: ['a', 'b', 'c', 'd', 'e'] });
  });
});

describe('searchSql', () => {
  it('escapes LIKE wildcards so a search for "50%_" is literal', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    const sql = searchSql(parsePatientSearch('50%_'), 3);
    expect(sql.whereParams).toEqual(['%50\\%\\_%']);
    expect(sql.orderParams).toEqual(['50\\%\\_%', '50%_']);
  });

  it('numbers parameters from the given position: WHERE first, then ORDER BY', () => {
    const sql = searchSql(parsePatientSearch('priya rao'), 3);
    expect(sql.where).toBe(
      'p.deleted_at IS NULL AND p.full_name ILIKE $3 AND p.full_name ILIKE $4',
    );
    expect(sql.orderBy).toContain('ILIKE $5) DESC, similarity(p.full_name, $6)');
    expect(searchSql(parsePatientSearch('98123'), 1).where).toBe(
      'p.deleted_at IS NULL AND (p.phone LIKE $1 OR p.phone LIKE $2)',
    );
  });
});
