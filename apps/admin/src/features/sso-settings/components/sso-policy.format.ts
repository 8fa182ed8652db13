import type { SsoPolicyView, SsoStatusView } from '@rollcall/contracts';

/** The three positions of Just-in-time user creation; `default` is the API's `null`. */
export type JitChoice = 'default' | 'on' | 'off';

export const JIT_CHOICES: { value: JitChoice; label: string }[] = [
  { value: 'default', label: 'Default' },
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
];

export function jitChoice(value: boolean | null): JitChoice {
  if (value === null) return 'default';
  return value ? 'on' : 'off';
}

export function jitValue(choice: JitChoice): boolean | null {
  switch (choice) {
    case 'default':
      return null;
    case 'on':
      return true;
    case 'off':
      return false;
  }
}

export interface JitExplanation {
  /** "On" or "Off": what applies now. */
  effectiveLabel: string;
  /** Why, in one or two sentences. */
  reason: string;
}

/**
 * What Just-in-time user creation does now and why. The default follows provisioning: with
 * SCIM on, Entra decides who has an account, so an unknown person is refused; with SCIM off
 * there is no other way in, so the first sign-in creates the member.
 */
export function jitExplanation(policy: SsoPolicyView, scimEnabled: boolean): JitExplanation {
  const effectiveLabel = policy.jitEffective ? 'On' : 'Off';
  const wanted = policy.jitProvisioning ?? !scimEnabled;
  if (wanted && policy.jitDomains.length === 0) {
    return {
      effectiveLabel,
      reason:
        'Off until you list your organization’s e-mail domains: only a verified address in one of them may create a member.',
    };
  }
  const domains = ` Only verified addresses at ${policy.jitDomains.join(', ')}.`;
  if (policy.jitProvisioning === null) {
    return {
      effectiveLabel,
      reason: policy.jitEffective
        ? `Default: on, because provisioning is off. Someone who signs in through your provider for the first time gets a member account.${domains}`
        : 'Default: off, because provisioning is on. Entra decides who has an account; people it has not provisioned are refused.',
    };
  }
  if (policy.jitProvisioning) {
    return {
      effectiveLabel,
      reason: scimEnabled
        ? `On: someone who signs in through your provider gets a member account even before Entra provisions them.${domains}`
        : `On: someone who signs in through your provider for the first time gets a member account.${domains}`,
    };
  }
  return {
    effectiveLabel,
    reason:
      'Off: only people who already have an account (provisioned by Entra or added here) can sign in; others are refused.',
  };
}

/** Require single sign-on needs a provider to sign in with: any one of them is enough. */
export function hasConnectedProvider(
  status: Pick<SsoStatusView, 'microsoft' | 'oidc' | 'saml'>,
): boolean {
  return status.microsoft !== null || status.oidc !== null || status.saml !== null;
}

/**
 * The JIT domains field: domains separated by commas, spaces or new lines, lower-cased, a
 * leading "@" dropped. The server checks that each is a domain name.
 */
export function parseJitDomains(text: string): string[] {
  const domains = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter((d) => d !== '');
  return [...new Set(domains)];
}
