import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** What `UnitOfWork.query` answers: pg's result, rows as pg parsed them. */
export interface SqlResult<T> {
  /** The statement's tag: SELECT, INSERT, UPDATE, ... */
  command: string;
  rows: T[];
  rowCount: number;
}

/** The part of a pg client or pool that runs a named statement. */
interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{
    command: string;
    rows: unknown[];
    rowCount: number | null;
  }>;
}

/**
 * One transaction per use case. Repositories call `manager()` and so join the transaction a
 * handler opened with `run()`, which lets a handler save two aggregates (and their outbox
 * events) atomically without passing a manager around.
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private readonly statementNames = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction, or inside the caller's transaction if there is one. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const active = this.current.getStore();
    if (active) return work(active);
    return this.dataSource.transaction((manager) => this.current.run(manager, () => work(manager)));
  }

  /** The active transaction's manager, or the pool's when none is open. */
  manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  /** Whether the caller runs inside `run()`'s transaction. */
  inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * A statement of a hot path: in the open transaction on its own pg client, else alone on the
   * pool (its own implicit transaction), as a named prepared statement either way, so
   * PostgreSQL parses and plans the text once per connection. Skips TypeORM's per-query wrapper
   * (query runner, broadcasts, logging, result copies: measurable per booking, bench:booking) and
   * fails with the QueryFailedError `manager.query` throws, so `pgErrorOf` reads it alike.
   */
  async query<T = Record<string, unknown>>(text: string, values: unknown[]): Promise<SqlResult<T>> {
    const manager = this.current.getStore();
    let target: PgQueryable;
    if (manager) {
      const runner = manager.queryRunner;
      if (!runner || runner.isReleased) throw new Error('the unit of work has ended');
      target = (await runner.connect()) as PgQueryable;
    } else {
      // TypeORM's PostgresDriver keeps its pg Pool as `master`.
      target = (this.dataSource.driver as unknown as { master: PgQueryable }).master;
    }
    try {
      const result = await target.query({ name: this.nameOf(text), text, values });
      return { command: result.command, rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  }

  private nameOf(text: string): string {
    let name = this.statementNames.get(text);
    if (name === undefined) {
      name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.statementNames.set(text, name);
    }
    return name;
  }
}
