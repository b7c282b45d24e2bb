/** Anything that runs SQL: a DataSource, or the EntityManager of a transaction. */
export interface SqlRunner {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * Inserts `rows` (objects keyed by column name) into `table` in one statement through
 * `jsonb_to_recordset`, skipping rows that would break a unique, primary key or exclusion
 * constraint (`ON CONFLICT DO NOTHING`) and rows `where` filters out (`x` is the incoming row;
 * used to skip children whose parent row is not there). Answers how many rows were new.
 */
export async function insertMissing(
  q: SqlRunner,
  table: string,
  columns: Record<string, string>,
  rows: readonly object[],
  where = 'true',
): Promise<number> {
  if (!rows.length) return 0;
  const names = Object.keys(columns);
  const [{ added }] = await q.query<Array<{ added: number }>>(
    `WITH added AS (
       INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.map((n) => `x.${n}`).join(', ')}
         FROM jsonb_to_recordset($1::jsonb) AS x(${names.map((n) => `${n} ${columns[n]}`).join(', ')})
        WHERE ${where}
       ON CONFLICT DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS added FROM added`,
    [JSON.stringify(rows)],
  );
  return added;
}

/** Runs `task` over `items` with at most `limit` at a time (a share of the connection pool). */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
