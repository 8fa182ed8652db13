import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'scim_oauth_client_secrets' })
export class OAuthClientSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The owning client's row id (not its public `client_id`). */
  @Column({ name: 'oauth_client_id', type: 'varchar', length: 36 })
  oauthClientId!: string;

  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash!: string;

  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'last_used_at', type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
