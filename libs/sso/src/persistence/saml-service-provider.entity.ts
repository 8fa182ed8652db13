import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organization's own SAML service-provider key pair (assertion encryption). */
@Entity({ name: 'saml_service_providers' })
export class SamlServiceProviderEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  /** SecretBox-sealed with the org id as context; never returned, never logged. */
  @Column({ name: 'private_key_sealed', type: 'text' })
  privateKeySealed!: string;

  @Column({ type: 'text' })
  certificate!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
