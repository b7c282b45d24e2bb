import { DateTime } from 'luxon';
import { DEMO_CENTRES } from './demo-centres';
import type { DemoClinician, DemoStaffUser } from './demo-clinicians';
import { APPOINTMENTS_PER_CLINICIAN, DemoKind, demoId, DemoRandom } from './demo-ids';
import type { DemoPatient } from './demo-patients';
import { appointmentRow, AppointmentRow, DemoSlot } from './demo-appointment-rows';

/** Local days of history before today, and of bookings from today on. */
export const PAST_DAYS = 21;
export const UPCOMING_DAYS = 14;
/** Share of the slots that were / are booked. */
const PAST_FILL = 0.08;
const UPCOMING_FILL = 0.07;
/** The demo patient sees these clinicians (a GP and a dermatologist at Indiranagar). */
const DEMO_PATIENT_SEES = new Set([1, 8]);

const zoneOf = new Map(DEMO_CENTRES.map((c) => [c.id, c.timeZone]));
const cityOf = new Map(DEMO_CENTRES.map((c) => [c.id, c.city]));

/**
 * The slots the clinician's weekly rules gave on the past `PAST_DAYS` local days: each rule's
 * window on that date, cut from its start into slots of the consultation length that end inside
 * it, as the slot engine cuts them (no time off or bookings back then: the clinician is new).
 */
export function pastSlots(clinician: DemoClinician, today: string): DemoSlot[] {
  const slotMs = clinician.durationMinutes * 60_000;
  const slots: DemoSlot[] = [];
  for (const rule of clinician.rules) {
    for (const day of pastDays(today, zoneOf.get(rule.centreId) ?? 'Asia/Kolkata')) {
      if (day.dayOfWeek !== rule.dayOfWeek) continue;
      const end = day.at(rule.endMinute);
      for (let start = day.at(rule.startMinute); start + slotMs <= end; start += slotMs) {
        slots.push({ startsAt: start, endsAt: start + slotMs, centreId: rule.centreId, sessionType: rule.sessionType });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt - b.startsAt);
}

interface PastDay {
  dayOfWeek: number;
  /** The instant of local wall time `minute` (0…1440) that day; memoised, luxon is not free. */
  at(minute: number): number;
}

const pastDaysCache = new Map<string, PastDay[]>();
/** The `PAST_DAYS` local days before `today` in `zone`. */
function pastDays(today: string, zone: string): PastDay[] {
  const key = `${today}|${zone}`;
  let days = pastDaysCache.get(key);
  if (!days) {
    const midnight = DateTime.fromISO(today, { zone });
    days = Array.from({ length: PAST_DAYS }, (_, i) => {
      const day = midnight.minus({ days: PAST_DAYS - i });
      const instants = new Map<number, number>();
      const at = (minute: number) =>
        minute === 1440 ? day.plus({ days: 1 }).toMillis() : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
      return {
        dayOfWeek: day.weekday % 7,
        at: (minute: number) => instants.get(minute) ?? instants.set(minute, at(minute)).get(minute)!,
      };
    });
    pastDaysCache.set(key, days);
  }
  return days;
}

/**
 * Chooses which slots were and are booked, by whom, and what became of them. A clinician's
 * picks never overlap (blocked ranges, buffers included, as the exclusion constraint compares
 * them), and neither do a patient's.
 */
export class AppointmentPlanner {
  private readonly pools = new Map<string, DemoPatient[]>();
  private readonly patientBusy = new Map<string, Array<[number, number]>>();
  private readonly desk: Map<string, DemoStaffUser>;

  constructor(
    private readonly patients: DemoPatient[],
    deskUsers: DemoStaffUser[],
    private readonly now: number,
  ) {
    this.desk = new Map(deskUsers.map((u) => [u.centreIds[0], u]));
    for (const p of patients.slice(1)) this.pools.set(p.city, [...(this.pools.get(p.city) ?? []), p]);
  }

  /** `past` and `upcoming` in time order; upcoming ones come from the slot engine (FindFreeSlots). */
  plan(clinician: DemoClinician, past: DemoSlot[], upcoming: DemoSlot[]): AppointmentRow[] {
    const rows: AppointmentRow[] = [];
    let k = 0;
    const pick = (slots: DemoSlot[], fill: number, random: DemoRandom) => {
      let blockedUntil = -Infinity;
      let first = true;
      for (const slot of slots) {
        if (slot.startsAt < blockedUntil || !random.chance(fill)) continue;
        const demoFirst = first && DEMO_PATIENT_SEES.has(clinician.n);
        const patient = demoFirst && this.free(this.patients[0], slot) ? this.patients[0] : this.choosePatient(random, slot);
        if (!patient) continue;
        first = false;
        this.book(patient, slot);
        blockedUntil = slot.endsAt + clinician.bufferAfterMinutes * 60_000;
        const id = demoId(DemoKind.appointment, clinician.n * APPOINTMENTS_PER_CLINICIAN + ++k);
        const desk = this.desk.get(slot.centreId) ?? this.desk.get(clinician.primaryCentreId)!;
        rows.push(appointmentRow({ id, clinician, slot, patient, desk, random, now: this.now }));
      }
    };
    pick(past, PAST_FILL, new DemoRandom(30_000 + clinician.n));
    pick(upcoming, UPCOMING_FILL, new DemoRandom(40_000 + clinician.n));
    return rows;
  }

  private choosePatient(random: DemoRandom, slot: DemoSlot): DemoPatient | undefined {
    const pool = this.pools.get(cityOf.get(slot.centreId) ?? '') ?? this.patients;
    for (let attempt = 0; attempt < 6; attempt++) {
      const patient = random.pick(pool);
      if (this.free(patient, slot)) return patient;
    }
    return undefined;
  }

  private free(patient: DemoPatient, slot: DemoSlot): boolean {
    return !(this.patientBusy.get(patient.id) ?? []).some(([s, e]) => s < slot.endsAt && slot.startsAt < e);
  }

  private book(patient: DemoPatient, slot: DemoSlot): void {
    const busy = this.patientBusy.get(patient.id);
    if (busy) busy.push([slot.startsAt, slot.endsAt]);
    else this.patientBusy.set(patient.id, [[slot.startsAt, slot.endsAt]]);
  }
}
