import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One transaction per use case. Repositories call `manager()` and so join the transaction a
 * handler opened with `run()`, which lets a handler save two aggregates (and their outbox
 * events) atomically without passing a manager around.
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();

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
}
