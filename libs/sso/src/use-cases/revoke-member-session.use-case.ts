import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { MemberSessionEntity } from '../persistence/member-session.entity';

/** Member sign-out: the session stops working on every replica at once. */
@Injectable()
export class RevokeMemberSession {
  constructor(private readonly dataSource: DataSource) {}

  async execute(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(MemberSessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
