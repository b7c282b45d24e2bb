import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { uniquePhone } from './fixtures';

/** What a booking integration spec books against: its own centre, clinician and patients. */
export interface BookingParties {
  centreId: string;
  clinicianId: string;
  clinicianUserId: string;
  patientIds: string[];
}

/**
 * Inserts a centre, a CLINICIAN staff user with a clinician profile practising there, and
 * `patients` patients, straight into the tables (integration specs run without the apps and
 * must not depend on another context's handlers). Every call makes new rows, so specs never
 * share a calendar with each other or with earlier runs.
 */
export async function seedBookingParties(
  db: DataSource,
  options: { patients?: number; timeZone?: string; fee?: number } = {},
): Promise<BookingParties> {
  const centreId = randomUUID();
  const clinicianUserId = randomUUID();
  const clinicianId = randomUUID();
  await db.transaction(async (m) => {
    await m.query(
      `INSERT INTO centres (id, name, city, address, phone, time_zone, location)
       VALUES ($1, $2, 'Testpur', '1 Test Road', $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography)`,
      [
        centreId,
        `Booking centre ${randomInt(1e9)}`,
        uniquePhone(),
        options.timeZone ?? 'Asia/Kolkata',
        60 + Math.random(),
        20 + Math.random(),
      ],
    );
    await m.query(
      `INSERT INTO staff_users (id, full_name, phone, role) VALUES ($1, 'Dr Test', $2, 'CLINICIAN')`,
      [clinicianUserId, uniquePhone()],
    );
    await m.query(`INSERT INTO staff_user_centres (user_id, centre_id) VALUES ($1, $2)`, [
      clinicianUserId,
      centreId,
    ]);
    await m.query(
      `INSERT INTO clinicians (id, user_id, fee_amount, fee_currency, consultation_duration_minutes, primary_centre_id)
       VALUES ($1, $2, $3, 'INR', 30, $4)`,
      [clinicianId, clinicianUserId, options.fee ?? 80000, centreId],
    );
    await m.query(`INSERT INTO clinician_centres (clinician_id, centre_id) VALUES ($1, $2)`, [
      clinicianId,
      centreId,
    ]);
  });
  const patientIds: string[] = [];
  for (let i = 0; i < (options.patients ?? 1); i++) {
    const id = randomUUID();
    await db.query(`INSERT INTO patients (id, full_name, phone) VALUES ($1, $2, $3)`, [
      id,
      `Patient ${i + 1}`,
      uniquePhone(),
    ]);
    patientIds.push(id);
  }
  return { centreId, clinicianId, clinicianUserId, patientIds };
}
