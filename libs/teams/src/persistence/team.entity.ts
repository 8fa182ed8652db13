import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'name_normalized', type: 'text' })
  nameNormalized!: string;

  @Column({ type: 'varchar', length: 120 })
  slug!: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: 'scim' | 'manual';

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt!: Date | null;

  /** Who deleted it: `scim` (Entra) or `admin:<e-mail>`. */
  @Column({ name: 'deleted_by', type: 'text', nullable: true })
  deletedBy!: string | null;

  @Column({ name: 'purge_after', type: Date, nullable: true })
  purgeAfter!: Date | null;
}
