import fc from 'fast-check';
import { IsoUtcFormatter } from './iso-utc';

describe('IsoUtcFormatter', () => {
  it('writes what Date#toISOString writes, for whole milliseconds in years 0000-9999', () => {
    const iso = new IsoUtcFormatter();
    const first = new Date('0000-01-01T00:00:00.000Z').getTime();
    const last = new Date('9999-12-31T23:59:59.999Z').getTime();
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (ms) => {
        expect(iso.format(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact at day, hour and second boundaries and around the epoch', () => {
    const iso = new IsoUtcFormatter();
    for (const text of [
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '2026-03-29T00:59:59.999Z',
      '2026-03-29T01:00:00.000Z',
      '2026-11-23T03:30:00.000Z',
      '2026-12-31T23:59:59.009Z',
      '2027-01-01T00:00:00.090Z',
    ]) {
      expect(iso.format(Date.parse(text))).toBe(text);
      expect(iso.format(Date.parse(text))).toBe(text); // again, from the day cache
    }
  });
});
