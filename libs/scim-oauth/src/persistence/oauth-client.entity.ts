import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'scim_oauth_clients' })
export class OAuthClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  /** The public `client_id` (`rcc_…`). */
  @Column({ name: 'client_id', type: 'varchar', length: 32 })
  clientId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'access_token_lifetime_minutes', type: 'integer' })
  accessTokenLifetimeMinutes!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
