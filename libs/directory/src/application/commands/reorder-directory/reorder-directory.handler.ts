import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DIRECTORY_REORDER_SQL, ReorderDirectory } from './reorder-directory.command';

/** Seconds a reorder waits for its lock before giving up (the next tick tries again). */
const LOCK_TIMEOUT = '5s';

@CommandHandler(ReorderDirectory)
export class ReorderDirectoryHandler implements ICommandHandler<ReorderDirectory> {
  constructor(private readonly db: DataSource) {}

  async execute({ minChanges, minShare }: ReorderDirectory): Promise<boolean> {
    const [{ changes, rows }]: Array<{ changes: string; rows: number }> = await this.db.query(
      `SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM directory_order_changes) AS changes,
              (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'directory_specializations'::regclass) AS rows`,
    );
    if (Number(changes) < Math.max(minChanges, minShare * rows)) return false;
    await this.db.transaction(async (tx) => {
      // Queued behind a long reader, CLUSTER would hold every search up: give up instead.
      await tx.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      for (const sql of DIRECTORY_REORDER_SQL) await tx.query(sql);
    });
    return true;
  }
}
