import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BACKGROUND_JOBS, schedulePeriodicJob } from '@rollcall/db';
import { OIDC_AUTHORIZATION_LIFETIME_MS } from '../domain/oidc-authorization.policy';
import { OidcAuthorizationStore } from '../persistence/oidc-authorization.store';
import { SamlAssertionStore } from '../persistence/saml-assertion.store';
import { SamlRequestStore } from '../persistence/saml-request.store';

/**
 * Deletes sign-in round trips (state, nonce, PKCE verifier; SAML AuthnRequests) that were
 * started and never finished, once per lifetime: the next start sweeps them too, but a burst of
 * starts followed by silence must not leave its rows behind. Also forgets accepted SAML
 * assertions once they expired (a replay of one is refused by its own NotOnOrAfter then).
 * Idempotent, so every replica may run it.
 */
@Injectable()
export class PurgeExpiredSignInStarts implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SignIn');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly authorizations: OidcAuthorizationStore,
    private readonly samlRequests: SamlRequestStore,
    private readonly samlAssertions: SamlAssertionStore,
    @Optional() @Inject(BACKGROUND_JOBS) private readonly scheduled = true,
  ) {}

  onModuleInit(): void {
    this.timer = schedulePeriodicJob(
      this.scheduled,
      this.logger,
      'unfinished sign-in starts',
      OIDC_AUTHORIZATION_LIFETIME_MS,
      () => this.execute(),
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async execute(now: Date = new Date()): Promise<number> {
    const purged = await Promise.all([
      this.authorizations.purgeExpired(now),
      this.samlRequests.purgeExpired(now),
      this.samlAssertions.purgeExpired(now),
    ]);
    return purged.reduce((sum, count) => sum + count, 0);
  }
}
