import { Command } from '@nestjs/cqrs';

/**
 * Puts the directory back in location order (CLUSTER of `directory_clinicians` and
 * `directory_specializations`) once the rows that moved since the last reorder (new clinicians,
 * changed place, specializations or listing; counted by the side table's trigger) reach
 * `minShare` of the side table, and at least `minChanges`. Re-projections that only change slot
 * runs stay on their page (fillfactor 90) and do not count. Answers whether it reordered.
 *
 * CLUSTER holds an exclusive lock while it rewrites (about 1 s per 25,000 clinicians here):
 * searches wait meanwhile, which is why it runs only after bulk changes.
 */
export class ReorderDirectory extends Command<boolean> {
  constructor(
    readonly minChanges = 500,
    readonly minShare = 0.1,
  ) {
    super();
  }
}

/**
 * The reorder itself, shared with the bench loader (which bulk-loads with triggers off): both
 * tables rewritten in place order (explicit indexes: a re-created index loses `CLUSTER ON`), fresh
 * statistics, and the change counter back to zero.
 */
export const DIRECTORY_REORDER_SQL = [
  `CLUSTER directory_clinicians USING "IDX_directory_geohash"`,
  `CLUSTER directory_specializations USING "IDX_directory_specializations_location"`,
  `ANALYZE directory_clinicians, directory_specializations`,
  `SELECT setval('directory_order_changes', 1, false)`,
];
