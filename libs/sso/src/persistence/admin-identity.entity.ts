import type { SsoProviderKind } from '@rollcall/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An org admin's explicitly linked sign-in account: the only way single sign-on opens a
 * dashboard session. Made by the admin's own round trip from a password-authenticated session
 * (Link my account), or while connecting Microsoft; never by matching an e-mail.
 */
@Entity({ name: 'admin_identities' })
export class AdminIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'admin_id', type: 'varchar', length: 36 })
  adminId!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 32 })
  provider!: SsoProviderKind;

  /** For Microsoft, the `tid`; for OIDC, the issuer. */
  @Column({ name: 'issuer_tenant', type: 'varchar', length: 512 })
  issuerTenant!: string;

  /** For Microsoft, the `oid`; for OIDC, `sub`. */
  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  /** The UPN or e-mail the token stated when linked, for the dashboard to show. */
  @Column({ type: 'varchar', length: 320 })
  label!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
