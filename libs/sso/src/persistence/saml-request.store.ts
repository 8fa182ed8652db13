import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { inTransaction } from '@rollcall/db';
import type { SamlRequest } from '../domain/saml-request';
import { SamlRequestEntity } from './saml-request.entity';

/** AuthnRequests we sent, in the database so any replica can accept the answer. */
@Injectable()
export class SamlRequestStore {
  constructor(private readonly dataSource: DataSource) {}

  save(request: SamlRequest): Promise<void> {
    return inTransaction(this.dataSource, async (manager) => {
      // Cheap and indexed: abandoned requests are swept by the next one to start.
      await manager.delete(SamlRequestEntity, { expiresAt: LessThan(request.createdAt) });
      await manager.insert(SamlRequestEntity, { ...request });
    });
  }

  async purgeExpired(now: Date): Promise<number> {
    const deleted = await this.dataSource.manager.delete(SamlRequestEntity, {
      expiresAt: LessThan(now),
    });
    return deleted.affected ?? 0;
  }

  /**
   * The org's request `id`, removed so one response can answer it: of two concurrent posts
   * naming it only the one whose delete hits the row gets it. Null when unknown, another org's,
   * used or expired.
   */
  take(organizationId: string, id: string, now: Date = new Date()): Promise<SamlRequest | null> {
    if (id.length > 64) return Promise.resolve(null);
    return inTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOneBy(SamlRequestEntity, { id, organizationId });
      if (!row) return null;
      const deleted = await manager.delete(SamlRequestEntity, { id, organizationId });
      if (deleted.affected !== 1) return null;
      return row.expiresAt.getTime() > now.getTime() ? { ...row } : null;
    });
  }
}
