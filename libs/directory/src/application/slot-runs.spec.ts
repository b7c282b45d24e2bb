import { toMultirangeLiteral, toSlotRuns } from './slot-runs';

const t = (hhmm: string) => Date.parse(`2026-06-01T${hhmm}:00Z`);

describe('toSlotRuns', () => {
  it('joins starts one step apart and splits at gaps, dropping duplicates', () => {
    const runs = toSlotRuns([t('09:30'), t('09:00'), t('10:00'), t('10:00'), t('11:00'), t('13:15')], 30);
    expect(runs).toEqual([
      [t('09:00'), t('10:00')],
      [t('11:00'), t('11:00')],
      [t('13:15'), t('13:15')],
    ]);
    expect(toMultirangeLiteral(runs.slice(0, 1))).toBe('{["2026-06-01T09:00:00.000Z","2026-06-01T10:00:00.000Z"]}');
    expect(toSlotRuns([], 30)).toEqual([]);
  });
});
