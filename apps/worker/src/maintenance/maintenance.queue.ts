/** Housekeeping of tables that only grow: one `prune` job every hour (a job scheduler). */
export const MAINTENANCE_QUEUE = 'maintenance';
export const PRUNE_JOB = 'prune';
export const PRUNE_EVERY_MS = 3_600_000;
