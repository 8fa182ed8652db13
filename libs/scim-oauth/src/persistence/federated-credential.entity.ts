import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'scim_federated_credentials' })
export class FederatedCredentialEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'varchar', length: 500 })
  audience!: string;

  @Column({ name: 'jwks_uri', type: 'varchar', length: 1000, nullable: true })
  jwksUri!: string | null;

  @Column({ name: 'access_token_lifetime_minutes', type: 'integer' })
  accessTokenLifetimeMinutes!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
