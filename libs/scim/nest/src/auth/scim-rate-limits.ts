import { Inject, Injectable } from '@nestjs/common';
import { RateLimiters, type RateLimiter } from '@rollcall/rate-limit';
import { SCIM_OPTIONS, type ScimModuleOptions } from '../scim.options';

/**
 * The SCIM edge's abuse limits. Failed authentications (a bad Secret Token, a bad client
 * secret or assertion at /oauth/token) are counted per client address; past the limit they
 * are answered 429 instead of 401. Only failures are refused: Entra's provisioning service
 * calls from addresses shared by every tenant, so refusing an address outright would let one
 * tenant's bad token stop everyone's sync. Authenticated traffic is limited per credential,
 * far above what Entra sends, so one runaway client cannot starve the others.
 */
@Injectable()
export class ScimRateLimits {
  private readonly authFailures: RateLimiter;
  private readonly requests: RateLimiter | undefined;

  constructor(limiters: RateLimiters, @Inject(SCIM_OPTIONS) options: ScimModuleOptions) {
    const limits = options.rateLimits;
    this.authFailures = limiters.create({
      name: 'scim:auth-failures',
      rule: { points: limits.authFailuresPerMinute, durationSeconds: 60 },
      // Guards credentials: without Redis it keeps counting per process rather than stopping.
      whenStoreFails: 'count-in-memory',
    });
    this.requests =
      limits.perSecond > 0
        ? limiters.create({
            name: 'scim:requests',
            rule: { points: limits.perSecond, durationSeconds: 1 },
            burst:
              limits.burstPerMinute > 0
                ? { points: limits.burstPerMinute, durationSeconds: 60 }
                : undefined,
            // A refused sync hurts more than a minute without a generous cap.
            whenStoreFails: 'allow',
          })
        : undefined;
  }

  /** Counts a failed authentication; throws RateLimitedError once the address is over. */
  async authenticationFailed(address: string | undefined): Promise<void> {
    await this.authFailures.consume(address ?? 'unknown');
  }

  /** Counts an authenticated request; throws RateLimitedError once the credential is over. */
  async request(credentialId: string): Promise<void> {
    await this.requests?.consume(credentialId);
  }
}
