import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Transactions } from '@rollcall/db';
import { API_KEY_NAME_MAX_LENGTH, type ApiKeyScope } from '../domain/api-key';
import { ApiKeyError } from '../domain/api-key.error';
import { generateApiKeySecret } from '../domain/api-key.secret';
import { ApiKeyStore } from '../persistence/api-key.store';

export interface CreateApiKeyCommand {
  organizationId: string;
  name: string;
  scope: ApiKeyScope;
  /** Who created it (the admin's e-mail), shown in the list. */
  createdBy: string;
  expiresAt?: Date | null;
}

export interface IssuedApiKey {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  /** The key itself; this is the only time it is known. */
  key: string;
}

@Injectable()
export class CreateApiKey {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: ApiKeyStore,
  ) {}

  async execute(command: CreateApiKeyCommand): Promise<IssuedApiKey> {
    const name = command.name.trim();
    if (name.length < 1 || name.length > API_KEY_NAME_MAX_LENGTH) {
      throw new ApiKeyError(
        'API_KEY_NAME_INVALID',
        `An API key needs a name of 1 to ${API_KEY_NAME_MAX_LENGTH} characters.`,
      );
    }
    const createdAt = new Date();
    const expiresAt = command.expiresAt ?? null;
    if (expiresAt && expiresAt.getTime() <= createdAt.getTime()) {
      throw new ApiKeyError('API_KEY_EXPIRY_INVALID', 'The expiry must be in the future.');
    }
    const secret = generateApiKeySecret();
    const id = randomUUID();
    await this.transactions.run((tx) =>
      this.store.insert(
        tx,
        {
          id,
          organizationId: command.organizationId,
          name,
          scope: command.scope,
          keyHash: secret.hash,
          prefix: secret.prefix,
          createdBy: command.createdBy,
          createdAt,
          expiresAt,
        },
        `admin:${command.createdBy}`,
      ),
    );
    return {
      id,
      name,
      scope: command.scope,
      prefix: secret.prefix,
      createdAt,
      expiresAt,
      key: secret.key,
    };
  }
}
