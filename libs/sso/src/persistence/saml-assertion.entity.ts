import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An assertion an organization accepted, remembered until it could no longer be accepted. */
@Entity({ name: 'saml_assertions' })
export class SamlAssertionEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @PrimaryColumn({ name: 'assertion_id', type: 'varchar', length: 256 })
  assertionId!: string;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;
}
