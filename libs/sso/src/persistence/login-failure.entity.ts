import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One failed sign-in, counted against an e-mail or a client IP (see login-throttle.policy). */
@Entity({ name: 'login_failures' })
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** SHA-256 of `email:<normalized e-mail>` or `ip:<address>`. */
  @Column({ name: 'throttle_key', type: 'varchar', length: 64 })
  throttleKey!: string;

  @Column({ name: 'failed_at', type: Date })
  failedAt!: Date;
}
