/** The directory's upkeep: one `refresh-directory` job every few minutes (a job scheduler). */
export const DIRECTORY_QUEUE = 'directory';
export const REFRESH_DIRECTORY_JOB = 'refresh-directory';
/** How often aged rows are re-projected (RefreshDirectory) and the order checked (ReorderDirectory). */
export const DIRECTORY_REFRESH_EVERY_MS = 5 * 60_000;
/** Batches of RefreshDirectory's default size per tick at most: 5,000 rows per tick. */
export const MAX_REFRESH_BATCHES_PER_TICK = 25;
