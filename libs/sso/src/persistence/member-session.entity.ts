import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in org member (a directory user), opened by Sign in with Microsoft or OIDC. */
@Entity({ name: 'member_sessions' })
export class MemberSessionEntity {
  /** SHA-256 of the cookie's secret. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  /** Sent back in X-CSRF-Token on state-changing member calls; null on pre-CSRF sessions. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64, nullable: true })
  csrfToken!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
