/**
 * Fixed ids and a seeded random generator: the demo data set is the same on every machine and
 * every run, so loading it again (ON CONFLICT DO NOTHING) changes nothing.
 *
 * A demo id is `<kind, 8 hex>-0000-4000-8000-<number, 12 digits>`; kind 0 are the centres
 * (`00000000-0000-4000-8000-000000000001`…), so every kind has its own range.
 */
export const DemoKind = {
  centre: 0,
  deskUser: 1,
  clinicianUser: 2,
  clinician: 3,
  rule: 4,
  timeOff: 5,
  patient: 6,
  appointment: 7,
} as const;
export type DemoKind = (typeof DemoKind)[keyof typeof DemoKind];

/** Appointment numbers are `clinician number * APPOINTMENTS_PER_CLINICIAN + k`. */
export const APPOINTMENTS_PER_CLINICIAN = 10_000;

export function demoId(kind: DemoKind, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** `[lowest, highest]` id of a kind, for `id BETWEEN $1 AND $2` (uuid order is byte order). */
export function demoIdRange(kind: DemoKind): [string, string] {
  return [demoId(kind, 0), demoId(kind, 999_999_999_999)];
}

/** mulberry32: tiny, fast and good enough to pick names and slots reproducibly. */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `step`-multiples in [min, max] (fees in ₹50 steps). */
  stepped(min: number, max: number, step: number): number {
    return this.int(Math.ceil(min / step), Math.floor(max / step)) * step;
  }
}
