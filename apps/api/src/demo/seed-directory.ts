import { ProjectClinician } from '@carebook/directory';
import type { DemoClinician } from './demo-clinicians';
import type { DemoContext } from './demo-context';
import { forEachLimited } from './demo-sql';

/** A directory row younger than this is left alone, so a restart stays fast. */
export const DIRECTORY_FRESH_MS = 3600_000;

/**
 * The directory is a projection the worker keeps from events; rows written with plain SQL
 * raise none, so the seed runs the directory's own `ProjectClinician` for every demo clinician
 * whose row is missing or older than an hour. Answers how many it projected.
 */
export async function projectDemoDirectory(ctx: DemoContext, clinicians: DemoClinician[]): Promise<number> {
  const stale: Array<{ id: string }> = await ctx.db.query(
    `SELECT c.id
       FROM clinicians c
       LEFT JOIN directory_clinicians d ON d.clinician_id = c.id
      WHERE c.id = ANY($1::uuid[]) AND (d.clinician_id IS NULL OR d.projected_at < $2)
      ORDER BY c.id`,
    [clinicians.map((c) => c.id), new Date(ctx.clock.now().getTime() - DIRECTORY_FRESH_MS)],
  );
  await forEachLimited(stale, 6, (row) => ctx.commands.execute(new ProjectClinician(row.id)));
  return stale.length;
}
