import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OidcPurpose } from '../domain/oidc-authorization';

/** A started OIDC round trip, waiting for its callback (see OidcRoundTrip). */
@Entity({ name: 'oidc_authorizations' })
export class OidcAuthorizationEntity {
  /** SHA-256 of `state`: the table never holds a value that could finish a round trip. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: OidcPurpose;

  @Column({ type: 'varchar', length: 128 })
  nonce!: string;

  @Column({ name: 'code_verifier', type: 'varchar', length: 128 })
  codeVerifier!: string;

  /**
   * For `connect` and the links: the org and admin who started it, so only they can finish it.
   * For `oidc_sign_in`: the org whose provider the browser was sent to.
   */
  @Column({ name: 'organization_id', type: 'varchar', length: 36, nullable: true })
  organizationId!: string | null;

  @Column({ name: 'admin_id', type: 'varchar', length: 36, nullable: true })
  adminId!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;
}
