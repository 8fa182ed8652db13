import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { ScimJsonObject } from '@rollcall/scim-core';
import type { UserSource } from '../domain/directory-user';

/** SQLite hands back JSON text, PostgreSQL's jsonb an object already. */
export const jsonDocument: ValueTransformer = {
  to: (value: ScimJsonObject | undefined) => (value === undefined ? value : JSON.stringify(value)),
  from: (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value),
};

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'user_name', type: 'text' })
  userName!: string;

  @Column({ name: 'user_name_normalized', type: 'text' })
  userNameNormalized!: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName!: string | null;

  @Column({ name: 'given_name', type: 'text', nullable: true })
  givenName!: string | null;

  @Column({ name: 'family_name', type: 'text', nullable: true })
  familyName!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'email_normalized', type: 'text', nullable: true })
  emailNormalized!: string | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'role_name', type: 'text', nullable: true })
  roleName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  role!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: UserSource;

  @Column({ type: 'text', transformer: jsonDocument })
  resource!: ScimJsonObject;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @Column({ name: 'deactivated_at', type: Date, nullable: true })
  deactivatedAt!: Date | null;
}
