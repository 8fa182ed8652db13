import type { SsoProviderKind } from '@rollcall/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stable link from an identity provider's account to a directory user. */
@Entity({ name: 'user_identities' })
export class UserIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 32 })
  provider!: SsoProviderKind;

  /** For Microsoft, the `tid` (`oid` is only unique within its tenant); for OIDC, the issuer. */
  @Column({ name: 'issuer_tenant', type: 'varchar', length: 512 })
  issuerTenant!: string;

  /** For Microsoft, the `oid` (not `sub`, which is pairwise per app); for OIDC, `sub`. */
  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
