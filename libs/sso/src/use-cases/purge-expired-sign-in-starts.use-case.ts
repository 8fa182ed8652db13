import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { OIDC_AUTHORIZATION_LIFETIME_MS } from '../domain/oidc-authorization.policy';
import { OidcAuthorizationStore } from '../persistence/oidc-authorization.store';

/**
 * Deletes sign-in round trips (state, nonce, PKCE verifier) that were started and never
 * finished, once per lifetime: the next start sweeps them too, but a burst of starts followed
 * by silence must not leave its rows behind. Idempotent, so every replica may run it.
 */
@Injectable()
export class PurgeExpiredSignInStarts implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly authorizations: OidcAuthorizationStore) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.execute().catch(() => undefined),
      OIDC_AUTHORIZATION_LIFETIME_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  execute(now: Date = new Date()): Promise<number> {
    return this.authorizations.purgeExpired(now);
  }
}
