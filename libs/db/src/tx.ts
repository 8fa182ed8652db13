import type { DataSource, EntityManager } from 'typeorm';

declare const OPEN_TRANSACTION: unique symbol;

/**
 * An open transaction, as use cases hold it: they pass it from store to store and never look
 * inside. Only stores turn it back into the connection their SQL runs on (`managerOf`).
 */
export interface Tx {
  readonly [OPEN_TRANSACTION]: true;
}

/** The transaction's connection, for a store's SQL. */
export function managerOf(tx: Tx): EntityManager {
  return tx as unknown as EntityManager;
}

/**
 * Where a store's statement runs: inside the caller's transaction when there is one, else on
 * the pool (a read that needs no transaction).
 */
export function executorOf(tx: Tx | undefined, dataSource: DataSource): EntityManager {
  return tx ? managerOf(tx) : dataSource.manager;
}

/** A transaction handle for code that already holds a transaction manager. */
export function txOf(manager: EntityManager): Tx {
  return manager as unknown as Tx;
}
