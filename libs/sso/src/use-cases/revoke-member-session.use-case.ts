import { Injectable } from '@nestjs/common';
import { MemberSessionStore } from '../persistence/member-session.store';

/** Member sign-out: the session stops working on every replica at once. */
@Injectable()
export class RevokeMemberSession {
  constructor(private readonly sessions: MemberSessionStore) {}

  execute(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId, new Date());
  }
}
