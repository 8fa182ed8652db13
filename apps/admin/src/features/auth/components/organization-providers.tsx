import { Alert, Anchor, Button, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconKey, IconShieldLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { OrganizationSignInView } from '@rollcall/contracts';
import { ApiError, errorMessage } from '../../../api/api-error';
import { MicrosoftLogo } from './microsoft-logo';

/** A full-page navigation: the API redirects to Microsoft and back. */
export const MICROSOFT_SIGN_IN_URL = '/api/auth/microsoft';

export const SAML_BUTTON_LABEL = 'Sign in with SAML SSO';
export const MICROSOFT_BUTTON_LABEL = 'Sign in with Microsoft';

export function oidcButtonLabel(signIn: OrganizationSignInView | undefined): string | null {
  return signIn?.oidc ? `Sign in with ${signIn.oidc.displayName}` : null;
}

/** The first (filled) single sign-on button of the org's page: OIDC, then SAML, then Microsoft. */
export function primaryProviderLabel(signIn: OrganizationSignInView | undefined): string | null {
  if (!signIn) return null;
  if (signIn.saml && !signIn.oidc) return SAML_BUTTON_LABEL;
  return oidcButtonLabel(signIn) ?? (signIn.microsoft ? MICROSOFT_BUTTON_LABEL : null);
}

interface OrganizationProvidersProps {
  slug: string;
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: OrganizationSignInView | undefined;
  };
}

/** The organization's own sign-in buttons (`/sign-in?org=<slug>`). */
export function OrganizationProviders({ slug, query }: OrganizationProvidersProps) {
  if (query.isPending) {
    return (
      <Stack align="center" gap={6} py="sm" role="status" aria-live="polite">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          Looking up your organization…
        </Text>
      </Stack>
    );
  }
  if (query.isError || !query.data) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
        <Stack gap={6}>
          <Text size="sm">
            {notFound
              ? `No organization signs in as “${slug}”. Check the sign-in link you were given.`
              : errorMessage(query.error)}
          </Text>
          <Anchor component={Link} to="/sign-in" size="sm">
            Use the standard sign-in
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  const signIn = query.data;
  const oidcLabel = oidcButtonLabel(signIn);
  const primary = primaryProviderLabel(signIn);
  return (
    <Stack gap="sm">
      {signIn.oidc && oidcLabel ? (
        <Button
          component="a"
          href={signIn.oidc.signInUrl}
          fullWidth
          size="md"
          leftSection={<IconKey size={18} />}
        >
          {oidcLabel}
        </Button>
      ) : null}
      {signIn.saml ? (
        <Button
          component="a"
          href={signIn.saml.signInUrl}
          variant={primary === SAML_BUTTON_LABEL ? 'filled' : 'default'}
          fullWidth
          size="md"
          leftSection={<IconShieldLock size={18} />}
        >
          {SAML_BUTTON_LABEL}
        </Button>
      ) : null}
      {signIn.microsoft ? (
        <Button
          component="a"
          href={MICROSOFT_SIGN_IN_URL}
          variant={primary === MICROSOFT_BUTTON_LABEL ? 'filled' : 'default'}
          fullWidth
          size="md"
          leftSection={<MicrosoftLogo />}
        >
          {MICROSOFT_BUTTON_LABEL}
        </Button>
      ) : null}
      {primary === null ? (
        <Text size="sm" c="dimmed">
          {signIn.organization.name} has no single sign-on provider yet: sign in with your password.
        </Text>
      ) : null}
      {signIn.requireSso ? (
        <Text size="sm" c="dimmed">
          {signIn.organization.name} requires single sign-on. Password sign-in is kept only for the
          break-glass administrator.
        </Text>
      ) : null}
    </Stack>
  );
}
