import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { isUniqueViolation } from '@rollcall/db';
import { SamlAssertionEntity } from './saml-assertion.entity';

/** The assertions each organization accepted, so a captured response is never accepted twice. */
@Injectable()
export class SamlAssertionStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Remembers an accepted assertion until it expires. False when it was accepted before (a
   * replay): the primary key decides, so two concurrent posts of one response cannot both pass.
   */
  async remember(organizationId: string, assertionId: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.dataSource.manager.insert(SamlAssertionEntity, {
        organizationId,
        assertionId,
        expiresAt,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async purgeExpired(now: Date): Promise<number> {
    const deleted = await this.dataSource.manager.delete(SamlAssertionEntity, {
      expiresAt: LessThan(now),
    });
    return deleted.affected ?? 0;
  }
}
