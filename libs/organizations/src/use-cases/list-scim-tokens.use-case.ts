import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScimTokenEntity } from '../persistence/scim-token.entity';

export interface ScimTokenSummary {
  id: string;
  prefix: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class ListScimTokens {
  constructor(private readonly dataSource: DataSource) {}

  /** An organization's tokens, newest first; never the secret, which is not stored. */
  async execute(organizationId: string): Promise<ScimTokenSummary[]> {
    const rows = await this.dataSource.getRepository(ScimTokenEntity).find({
      where: { organizationId },
      order: { createdAt: 'DESC' },
    });
    return rows.map(({ id, prefix, label, createdAt, lastUsedAt, revokedAt }) => ({
      id,
      prefix,
      label,
      createdAt,
      lastUsedAt,
      revokedAt,
    }));
  }
}
