import { FindFreeSlots } from '@carebook/booking';
import { NotFoundError } from '@carebook/core';
import { DateTime } from 'luxon';
import { DEMO_CENTRES } from './demo-centres';
import type { DemoClinician } from './demo-clinicians';
import type { DemoContext, DemoData } from './demo-context';
import { DemoKind, demoIdRange } from './demo-ids';
import type { DemoSlot } from './demo-appointment-rows';
import { AppointmentPlanner, pastSlots, UPCOMING_DAYS } from './demo-appointments';
import { forEachLimited, insertMissing } from './demo-sql';

const zoneOf = new Map(DEMO_CENTRES.map((c) => [c.id, c.timeZone]));

const COLUMNS = {
  id: 'uuid', patient_id: 'uuid', clinician_id: 'uuid', clinician_user_id: 'uuid', centre_id: 'uuid',
  starts_at: 'timestamptz', ends_at: 'timestamptz', buffer_before_minutes: 'integer', buffer_after_minutes: 'integer',
  session_type: 'text', status: 'text', payment_status: 'text', fee_amount: 'integer', fee_currency: 'text',
  source: 'text', reason: 'text', checked_in_at: 'timestamptz', cancelled_at: 'timestamptz', cancel_reason: 'text',
  cancelled_by: 'text', cancelled_by_id: 'uuid', created_by: 'uuid', created_by_kind: 'text',
  created_at: 'timestamptz', updated_at: 'timestamptz',
};

/**
 * Three weeks of history and two weeks of bookings for every demo clinician who has no demo
 * appointment yet (so a run that stopped half-way completes, and a full re-run adds nothing).
 * Upcoming bookings are picked from the slot engine's answer (FindFreeSlots: rules, leave,
 * buffers, notice); past ones from the same rules' slots on past days. One transaction; a row
 * the exclusion constraint refuses is skipped (ON CONFLICT DO NOTHING), never a double booking.
 */
export async function seedAppointments(ctx: DemoContext, data: DemoData): Promise<number> {
  const seeded: Array<{ clinician_id: string }> = await ctx.db.query(
    `SELECT DISTINCT clinician_id FROM appointments WHERE id BETWEEN $1 AND $2`,
    demoIdRange(DemoKind.appointment),
  );
  const done = new Set(seeded.map((r) => r.clinician_id));
  const todo = data.clinicians.filter((c) => !done.has(c.id));
  if (!todo.length) return 0;

  const now = ctx.clock.now();
  const upcoming = new Map<string, DemoSlot[]>();
  await forEachLimited(todo, 6, async (c) => {
    upcoming.set(c.id, await freeSlots(ctx, c, now));
  });
  const planner = new AppointmentPlanner(data.patients, data.deskUsers, now.getTime());
  const rows = todo.flatMap((c) => planner.plan(c, pastSlots(c, localDate(c, now)), upcoming.get(c.id) ?? []));
  return ctx.db.transaction((m) =>
    insertMissing(
      m,
      'appointments',
      COLUMNS,
      rows,
      `EXISTS (SELECT 1 FROM patients p WHERE p.id = x.patient_id AND p.deleted_at IS NULL)
       AND EXISTS (SELECT 1 FROM clinicians c WHERE c.id = x.clinician_id AND c.user_id = x.clinician_user_id)`,
    ),
  );
}

/** The free slots of the next UPCOMING_DAYS local days, as `GET /clinicians/:id/slots` shows them. */
async function freeSlots(ctx: DemoContext, clinician: DemoClinician, now: Date): Promise<DemoSlot[]> {
  const from = localDate(clinician, now);
  const to = DateTime.fromISO(from).plus({ days: UPCOMING_DAYS - 1 }).toISODate()!;
  try {
    const { items } = await ctx.queries.execute(new FindFreeSlots(clinician.id, from, to));
    return items.map((s) => ({ startsAt: Date.parse(s.startsAt), endsAt: Date.parse(s.endsAt), centreId: s.centreId, sessionType: s.sessionType }));
  } catch (error) {
    // Not there (its staff user was taken) or switched off by someone: no bookings to add.
    if (error instanceof NotFoundError) return [];
    throw error;
  }
}

function localDate(clinician: DemoClinician, now: Date): string {
  return DateTime.fromJSDate(now, { zone: zoneOf.get(clinician.primaryCentreId) ?? 'Asia/Kolkata' }).toISODate()!;
}
