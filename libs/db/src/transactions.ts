import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from './transaction.runner';
import { txOf, type Tx } from './tx';

/**
 * Runs a use case's work in one transaction: every store call given the `tx` commits or
 * rolls back together, with the events the stores appended (see `appendEvents`).
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, (manager) => work(txOf(manager)));
  }
}
