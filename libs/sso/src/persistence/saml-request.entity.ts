import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SamlRequestPurpose } from '../domain/saml-request';

/** An AuthnRequest we sent, waiting for the response that answers it (see SamlRequestStore). */
@Entity({ name: 'saml_requests' })
export class SamlRequestEntity {
  /** The AuthnRequest's ID, which the response names in InResponseTo. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: SamlRequestPurpose;

  @Column({ name: 'admin_id', type: 'varchar', length: 36, nullable: true })
  adminId!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;
}
