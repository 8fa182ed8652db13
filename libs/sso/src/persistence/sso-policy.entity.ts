import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organization's sign-in rules; no row means the defaults (passwords allowed, JIT unset, no JIT domains). */
@Entity({ name: 'sso_policies' })
export class SsoPolicyEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'require_sso', type: 'boolean' })
  requireSso!: boolean;

  /** null: the default (see effectiveJitProvisioning). */
  @Column({ name: 'jit_provisioning', type: 'boolean', nullable: true })
  jitProvisioning!: boolean | null;

  /**
   * JSON array of the org's own e-mail domains: just-in-time creation only for a verified
   * address in one of them. Empty or null: nobody is created just in time.
   */
  @Column({ name: 'jit_domains', type: 'text', nullable: true })
  jitDomains!: string | null;

  /** The org's Entra provisioning maps objectId to SCIM `externalId`: `oid` may match it. */
  @Column({ name: 'external_id_is_object_id', type: 'boolean' })
  externalIdIsObjectId!: boolean;

  /** Password sign-ins need a second factor; SSO sign-ins are exempt (the IdP does MFA). */
  @Column({ name: 'require_two_factor', type: 'boolean' })
  requireTwoFactor!: boolean;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
