import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A `jti` already exchanged under a federated credential, kept until the assertion expires. */
@Entity({ name: 'scim_federated_assertion_jtis' })
export class FederatedAssertionJtiEntity {
  @PrimaryColumn({ name: 'credential_id', type: 'varchar', length: 36 })
  credentialId!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  jti!: string;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;
}
