import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Transactions, type Tx } from '@rollcall/db';
import { OrganizationError } from '../domain/organization.error';
import { MAX_LIVE_SCIM_TOKENS } from '../domain/scim-token';
import { generateScimTokenSecret } from '../domain/scim-token.secret';
import { OrganizationStore } from '../persistence/organization.store';
import { ScimTokenStore } from '../persistence/scim-token.store';

export interface IssuedScimToken {
  id: string;
  organizationId: string;
  prefix: string;
  createdAt: Date;
  /** The secret itself; this is the only time it is known. */
  token: string;
}

@Injectable()
export class CreateScimToken {
  constructor(
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationStore,
    private readonly tokens: ScimTokenStore,
  ) {}

  execute(organizationId: string, actor: string, label?: string): Promise<IssuedScimToken> {
    return this.transactions.run((tx) => this.issueWithin(tx, organizationId, actor, label));
  }

  /** Issues a token inside a caller's transaction (organization creation uses it). */
  async issueWithin(
    tx: Tx,
    organizationId: string,
    actor: string,
    label?: string,
  ): Promise<IssuedScimToken> {
    // The organization's row stays locked until the end: concurrent issuers take turns, so
    // the live-token limit holds.
    if (!(await this.organizations.lock(tx, organizationId))) {
      throw new OrganizationError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
    if ((await this.tokens.countLive(tx, organizationId)) >= MAX_LIVE_SCIM_TOKENS) {
      throw new OrganizationError(
        'SCIM_TOKEN_LIMIT_REACHED',
        `An organization can have ${MAX_LIVE_SCIM_TOKENS} live SCIM tokens; revoke one first.`,
      );
    }
    const secret = generateScimTokenSecret();
    const token = {
      id: randomUUID(),
      organizationId,
      tokenHash: secret.hash,
      prefix: secret.prefix,
      label: label ?? null,
      createdAt: new Date(),
    };
    await this.tokens.issue(tx, token, actor);
    return {
      id: token.id,
      organizationId,
      prefix: token.prefix,
      createdAt: token.createdAt,
      token: secret.token,
    };
  }
}
