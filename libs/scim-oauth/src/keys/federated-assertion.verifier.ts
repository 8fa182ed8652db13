import { Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { OutboundError, OutboundHttp } from '@rollcall/outbound';
import type { AccessTokenSubject } from '../domain/access-token.claims';
import { trustedUrl } from '../domain/federated-credential.rules';
import { FederatedCredentialStore } from '../persistence/federated-credential.store';
import { ProvisioningStatusCache } from './provisioning-status.cache';

/** RFC 7518 asymmetric algorithms only: never `none`, never a shared-secret HMAC. */
export const ASSERTION_ALGORITHMS = ['RS256', 'ES256', 'PS256'];
/** Clocks drift; RFC 7523 §3 allows "some small leeway". */
const CLOCK_TOLERANCE_SECONDS = 60;
/** An assertion is a one-shot proof: older ones are refused even if not expired. */
const MAX_ASSERTION_AGE = '1h';
const DISCOVERY_CACHE_MS = 60 * 60_000;
/** An assertion names at most this many audiences; more is not a token Entra sends. */
const MAX_AUDIENCES = 10;
const JTI_PURGE_INTERVAL_MS = 60_000;

/** Why an assertion was refused, for the debug log only: never the assertion itself. */
export class AssertionRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AssertionRejected';
  }
}

/**
 * Verifies a workload's JWT (RFC 7523 §3) against the federated credential its `iss`, `sub`
 * and `aud` name. The audience is specific to one credential (Rollcall chose it), so an
 * organization that registers another's issuer and subject never receives that one's
 * assertions: signature by the issuer's published keys, exact issuer, subject and audience, `exp`,
 * `nbf`, age, and a token id never seen before for that credential: `jti` (RFC 7519), or
 * `uti` for tokens Microsoft Entra issues, which carry that instead of `jti`.
 */
@Injectable()
export class FederatedAssertionVerifier {
  private readonly logger = new Logger(FederatedAssertionVerifier.name);
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  private readonly discovered = new Map<string, { jwksUri: string; at: number }>();
  private lastPurge = 0;

  constructor(
    private readonly credentials: FederatedCredentialStore,
    private readonly provisioning: ProvisioningStatusCache,
    private readonly outbound: OutboundHttp,
  ) {}

  async verify(assertion: string): Promise<AccessTokenSubject> {
    let claims: { iss?: unknown; sub?: unknown; aud?: unknown };
    try {
      // Unverified, only to pick the credential whose keys then verify it.
      claims = decodeJwt(assertion);
    } catch {
      throw new AssertionRejected('not a JWT');
    }
    if (typeof claims.iss !== 'string' || typeof claims.sub !== 'string') {
      throw new AssertionRejected('iss or sub missing');
    }
    const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).filter(
      (aud): aud is string => typeof aud === 'string' && aud.length > 0 && aud.length <= 500,
    );
    if (audiences.length === 0 || audiences.length > MAX_AUDIENCES) {
      throw new AssertionRejected('aud missing or too many');
    }
    const live = await this.credentials.findLiveByAssertionClaims(
      claims.iss,
      claims.sub,
      audiences,
    );
    const enabled = await this.provisioning.enabledAmong(live.map((c) => c.organizationId));
    const candidates = live.filter((c) => enabled.has(c.organizationId));
    // One audience names one credential; an assertion naming two is for nobody.
    const credential = candidates.length === 1 ? candidates[0] : undefined;
    if (!credential) throw new AssertionRejected('no single live credential for iss, sub, aud');

    let payload: { jti?: unknown; uti?: unknown; exp?: unknown };
    try {
      const keySet = this.keySet(
        credential.jwksUri ?? (await this.discoverJwksUri(credential.issuer)),
      );
      ({ payload } = await jwtVerify(assertion, keySet, {
        issuer: credential.issuer,
        subject: credential.subject,
        audience: credential.audience,
        algorithms: ASSERTION_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: MAX_ASSERTION_AGE,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      if (error instanceof AssertionRejected) throw error;
      const code = (error as { code?: unknown }).code;
      throw new AssertionRejected(typeof code === 'string' ? code : 'verification failed');
    }
    const tokenId = payload.jti ?? payload.uti;
    if (typeof tokenId !== 'string' || !tokenId || tokenId.length > 255) {
      throw new AssertionRejected('jti (or uti) missing or too long');
    }
    await this.recordJti(credential.id, tokenId, Number(payload.exp));
    await this.credentials.touch(credential);
    return {
      organizationId: credential.organizationId,
      credentialType: 'federated',
      credentialId: credential.id,
      subject: credential.id,
      lifetimeMinutes: credential.accessTokenLifetimeMinutes,
    };
  }

  private async recordJti(credentialId: string, jti: string, exp: number): Promise<void> {
    // Kept until the assertion expires (plus the leeway it was accepted with).
    const expiresAt = new Date((exp + CLOCK_TOLERANCE_SECONDS) * 1000);
    if (!(await this.credentials.recordJti(credentialId, jti, expiresAt))) {
      throw new AssertionRejected('jti replayed');
    }
    await this.purgeExpiredJtis();
  }

  private async purgeExpiredJtis(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < JTI_PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    await this.credentials.purgeExpiredJtis(new Date(now));
  }

  private keySet(jwksUri: string): ReturnType<typeof createRemoteJWKSet> {
    let keySet = this.keySets.get(jwksUri);
    if (!keySet) {
      // jose caches the keys and re-fetches on an unknown kid, at most every 30 s; the agent
      // holds the fetch to the outbound policy and its size cap (jose follows no redirect).
      keySet = createRemoteJWKSet(new URL(jwksUri), {
        agent: this.outbound.agentFor(jwksUri),
        timeoutDuration: this.outbound.timeoutMs,
      });
      this.keySets.set(jwksUri, keySet);
    }
    return keySet;
  }

  /** OpenID Connect Discovery §4: `{issuer}/.well-known/openid-configuration` names the JWKS. */
  private async discoverJwksUri(issuer: string): Promise<string> {
    const cached = this.discovered.get(issuer);
    if (cached && Date.now() - cached.at < DISCOVERY_CACHE_MS) return cached.jwksUri;
    let document: { jwks_uri?: unknown } | null;
    try {
      document = (await this.outbound.getJson(
        `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      )) as { jwks_uri?: unknown } | null;
    } catch (error) {
      const reason = error instanceof OutboundError ? error.code : 'unexpected error';
      this.logger.warn({ issuer, reason }, 'Issuer discovery failed');
      throw new AssertionRejected('issuer discovery failed');
    }
    if (typeof document?.jwks_uri !== 'string') throw new AssertionRejected('no jwks_uri');
    const jwksUri = trustedUrl(document.jwks_uri, 'jwks_uri', 1000);
    this.discovered.set(issuer, { jwksUri, at: Date.now() });
    return jwksUri;
  }
}
