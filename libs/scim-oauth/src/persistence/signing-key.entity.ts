import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'oauth_signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid!: string;

  @Column({ type: 'varchar', length: 16 })
  algorithm!: string;

  /** The public half as a JWK (JSON text), served at /oauth/jwks. */
  @Column({ name: 'public_jwk', type: 'text' })
  publicJwk!: string;

  /** PKCS#8 PEM sealed with SecretBox, bound to the kid. */
  @Column({ name: 'private_key_sealed', type: 'text' })
  privateKeySealed!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** From when it signs; published ahead of that so every replica knows it first. */
  @Column({ name: 'activates_at', type: Date })
  activatesAt!: Date;

  /** Until when it signs; published for one more maximum token lifetime after that. */
  @Column({ name: 'signs_until', type: Date })
  signsUntil!: Date;
}
