import { FindFreeSlots } from '@carebook/booking';
import { CentreDto, GetCentre } from '@carebook/centres';
import { ClinicianDto, ClinicianSchedule, GetClinician, GetClinicianSchedule } from '@carebook/clinicians';
import { Clock, NotFoundError } from '@carebook/core';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { toMultirangeLiteral, toSlotRuns } from '../../slot-runs';
import { ProjectClinician } from './project-clinician.command';

/** Days of free slots the row keeps; queries look 14 days ahead, the worker refreshes daily. */
export const PROJECTED_DAYS = 16;

/**
 * Reads the clinician, their primary centre and their free slots through the owning contexts'
 * queries and upserts the directory row; a clinician or centre that is gone leaves the directory.
 */
@CommandHandler(ProjectClinician)
export class ProjectClinicianHandler implements ICommandHandler<ProjectClinician> {
  constructor(
    private readonly queries: QueryBus,
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ clinicianId }: ProjectClinician): Promise<void> {
    // Projections of one clinician may run at once (an event each, several workers): the row
    // keeps the one that started reading last (see the upsert's WHERE).
    const startedAt = this.clock.now();
    const clinician = await this.orNothing(() => this.queries.execute(new GetClinician(clinicianId)));
    const centre = clinician && (await this.orNothing(() => this.queries.execute(new GetCentre(clinician.primaryCentreId))));
    if (!clinician || !centre) {
      await this.db.query(`DELETE FROM directory_clinicians WHERE clinician_id = $1`, [clinicianId]);
      return;
    }
    // Slots before the schedule: rules added meanwhile show as session types without slots yet
    // (the next projection fills them), never as slots of a clinician offering no session type.
    const starts = clinician.isActive ? await this.freeSlotStarts(clinicianId, centre.timeZone) : [];
    const schedule = await this.queries.execute(new GetClinicianSchedule(clinicianId));
    const slotStarts = toMultirangeLiteral(toSlotRuns(starts, clinician.consultationDurationMinutes));
    await this.upsert(clinician, centre, schedule, slotStarts, startedAt);
  }

  private async freeSlotStarts(clinicianId: string, timeZone: string): Promise<number[]> {
    const today = DateTime.fromJSDate(this.clock.now(), { zone: timeZone });
    const from = today.toISODate()!;
    const to = today.plus({ days: PROJECTED_DAYS - 1 }).toISODate()!;
    const { items } = await this.queries.execute(new FindFreeSlots(clinicianId, from, to));
    return items.map((slot) => Date.parse(slot.startsAt));
  }

  private async upsert(
    c: ClinicianDto,
    centre: CentreDto,
    schedule: ClinicianSchedule,
    slotStarts: string,
    startedAt: Date,
  ): Promise<void> {
    const keys = (values: string[]) => values.map((v) => v.trim().toLowerCase());
    const sessionTypes = [...new Set(schedule.rules.map((r) => r.sessionType))].sort();
    await this.db.query(
      `INSERT INTO directory_clinicians (clinician_id, full_name, specializations, specialization_keys, languages, language_keys,
         qualifications, years_of_experience, fee_amount, fee_currency, slot_minutes, min_notice_minutes, photo_url, bio,
         primary_centre_id, primary_centre_name, centre_ids, city, location, session_types, is_listed, slot_starts, projected_at)
       VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
               ST_SetSRID(ST_MakePoint($19, $20), 4326)::geography, $21, $22, $23::tstzmultirange, $24)
       ON CONFLICT (clinician_id) DO UPDATE SET
         full_name = EXCLUDED.full_name, specializations = EXCLUDED.specializations,
         specialization_keys = EXCLUDED.specialization_keys, languages = EXCLUDED.languages,
         language_keys = EXCLUDED.language_keys, qualifications = EXCLUDED.qualifications,
         years_of_experience = EXCLUDED.years_of_experience, fee_amount = EXCLUDED.fee_amount,
         fee_currency = EXCLUDED.fee_currency, slot_minutes = EXCLUDED.slot_minutes,
         min_notice_minutes = EXCLUDED.min_notice_minutes, photo_url = EXCLUDED.photo_url, bio = EXCLUDED.bio,
         primary_centre_id = EXCLUDED.primary_centre_id, primary_centre_name = EXCLUDED.primary_centre_name,
         centre_ids = EXCLUDED.centre_ids, city = EXCLUDED.city, location = EXCLUDED.location,
         session_types = EXCLUDED.session_types, is_listed = EXCLUDED.is_listed,
         slot_starts = EXCLUDED.slot_starts, projected_at = EXCLUDED.projected_at
       WHERE directory_clinicians.projected_at <= EXCLUDED.projected_at`,
      [
        c.id, c.fullName, JSON.stringify(c.specializations), keys(c.specializations), JSON.stringify(c.languages),
        keys(c.languages), JSON.stringify(c.qualifications), c.yearsOfExperience, c.consultationFee.amount,
        c.consultationFee.currency, c.consultationDurationMinutes, c.settings.minNoticeMinutes, c.photoUrl, c.bio,
        centre.id, centre.name, c.centreIds, centre.city, centre.location.lng, centre.location.lat, sessionTypes,
        c.isActive && centre.isActive, slotStarts, startedAt,
      ],
    );
  }

  private async orNothing<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}
