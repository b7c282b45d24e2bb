import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { DEMO_CENTRES } from './demo-centres';
import type { DemoClinician } from './demo-clinicians';
import { DemoKind, demoId } from './demo-ids';
import { insertMissing } from './demo-sql';

const zoneOf = new Map(DEMO_CENTRES.map((c) => [c.id, c.timeZone]));

/**
 * Clinician profiles, the centres they practise at, their weekly rules and their leave, in one
 * transaction (the primary-centre membership is checked at commit). A profile whose staff user
 * is not there is skipped, and so are its children.
 */
export async function seedClinicians(db: DataSource, clinicians: DemoClinician[], now: Date): Promise<number> {
  return db.transaction(async (m) => {
    const added = await insertMissing(
      m,
      'clinicians',
      {
        id: 'uuid',
        user_id: 'uuid',
        specializations: 'jsonb',
        qualifications: 'jsonb',
        languages: 'jsonb',
        years_of_experience: 'integer',
        fee_amount: 'integer',
        fee_currency: 'text',
        consultation_duration_minutes: 'integer',
        buffer_after_minutes: 'integer',
        bio: 'text',
        primary_centre_id: 'uuid',
      },
      clinicians.map((c) => ({
        id: c.id,
        user_id: c.user.id,
        specializations: c.specializations,
        qualifications: c.qualifications,
        languages: c.languages,
        years_of_experience: c.yearsOfExperience,
        fee_amount: c.feeAmount,
        fee_currency: 'INR',
        consultation_duration_minutes: c.durationMinutes,
        buffer_after_minutes: c.bufferAfterMinutes,
        bio: c.bio,
        primary_centre_id: c.primaryCentreId,
      })),
      `EXISTS (SELECT 1 FROM staff_users u WHERE u.id = x.user_id AND u.role = 'CLINICIAN')`,
    );
    await insertMissing(
      m,
      'clinician_centres',
      { clinician_id: 'uuid', centre_id: 'uuid' },
      clinicians.flatMap((c) => c.centreIds.map((centreId) => ({ clinician_id: c.id, centre_id: centreId }))),
      `EXISTS (SELECT 1 FROM clinicians c WHERE c.id = x.clinician_id)`,
    );
    await insertMissing(
      m,
      'availability_rules',
      { id: 'uuid', clinician_id: 'uuid', centre_id: 'uuid', day_of_week: 'integer', start_minute: 'integer', end_minute: 'integer', session_type: 'text' },
      clinicians.flatMap((c) =>
        c.rules.map((r, i) => ({
          id: demoId(DemoKind.rule, c.n * 100 + i + 1),
          clinician_id: c.id,
          centre_id: r.centreId,
          day_of_week: r.dayOfWeek,
          start_minute: r.startMinute,
          end_minute: r.endMinute,
          session_type: r.sessionType,
        })),
      ),
      `EXISTS (SELECT 1 FROM clinician_centres cc WHERE cc.clinician_id = x.clinician_id AND cc.centre_id = x.centre_id)`,
    );
    await insertMissing(
      m,
      'clinician_time_off',
      { id: 'uuid', clinician_id: 'uuid', during: 'tstzrange', reason: 'text' },
      clinicians.flatMap((c) => {
        if (!c.timeOff) return [];
        const today = DateTime.fromJSDate(now, { zone: zoneOf.get(c.primaryCentreId) ?? 'Asia/Kolkata' }).startOf('day');
        const from = today.plus({ days: c.timeOff.inDays });
        const to = from.plus({ days: c.timeOff.days });
        return [{ id: demoId(DemoKind.timeOff, c.n), clinician_id: c.id, during: `[${from.toISO()},${to.toISO()})`, reason: c.timeOff.reason }];
      }),
      `EXISTS (SELECT 1 FROM clinicians c WHERE c.id = x.clinician_id)`,
    );
    return added;
  });
}
