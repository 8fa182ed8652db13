import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isLoginChallenge, type LoginChallengeView } from '@rollcall/contracts';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/api-error';
import { BrandMark } from '../../../components/brand-mark';
import { samlServiceProviderValues } from '../../../components/saml-rejection.format';
import { ColorSchemeToggle } from '../../../components/color-scheme-toggle';
import { useOrganizationSignIn } from '../api/use-organization-sign-in';
import { useSession } from '../api/use-session';
import { useSignIn } from '../api/use-sign-in';
import { useSignInProviders } from '../api/use-sign-in-providers';
import { MicrosoftLogo } from './microsoft-logo';
import {
  MICROSOFT_SIGN_IN_URL,
  OrganizationProviders,
  primaryProviderLabel,
} from './organization-providers';
import { signInErrorMessage, ssoRequiredMessage } from './sign-in-error';
import { SsoLookup } from './sso-lookup';
import { TwoFactorEnrolmentStep } from './two-factor-enrolment-step';
import { TwoFactorStep } from './two-factor-step';

const MICROSOFT_NOT_CONFIGURED = 'Microsoft sign-in is not configured on this server.';

function isSsoRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'SSO_REQUIRED';
}

export function SignInPage() {
  const session = useSession();
  const signIn = useSignIn();
  const providers = useSignInProviders();
  const [searchParams] = useSearchParams();
  // `/sign-in?org=<slug>`: the organization's own page, with its provider's button.
  const orgSlug = searchParams.get('org')?.trim() || null;
  const organizationSignIn = useOrganizationSignIn(orgSlug);
  // Where single sign-on refusals land (`/signin?error=<code>`; SAML adds `&reason=<reason>`).
  const ssoError = signInErrorMessage(
    searchParams.get('error'),
    searchParams.get('reason'),
    orgSlug ? samlServiceProviderValues(window.location.origin, orgSlug) : null,
  );
  const microsoftAvailable = providers.data?.microsoft === true;
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [lookupOpened, setLookupOpened] = useState(false);
  // A right password that needs a second step: the session opens there.
  const [challenge, setChallenge] = useState<LoginChallengeView | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/sso/provisioning';

  if (session.data && !challenge) return <Navigate to={from} replace />;

  const organization = organizationSignIn.data?.organization ?? null;
  const providerButton = orgSlug ? primaryProviderLabel(organizationSignIn.data) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (response) => {
          if (isLoginChallenge(response)) {
            setPassword('');
            setChallenge(response);
          } else void navigate(from, { replace: true });
        },
        // Passwords are off for this organization: show the way that works.
        onError: (error) => {
          if (isSsoRequired(error) && !orgSlug) setLookupOpened(true);
        },
      },
    );
  };

  const passwordForm = (
    <form onSubmit={submit} noValidate aria-label="Sign in with a password">
      <Stack gap="sm">
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          placeholder="you@company.com"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={missing && !email.trim() ? 'Enter your e-mail address.' : undefined}
          data-autofocus
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={missing && !password ? 'Enter your password.' : undefined}
        />
        <Button
          type="submit"
          fullWidth
          mt="xs"
          loading={signIn.isPending}
          variant={orgSlug && providerButton ? 'default' : 'filled'}
        >
          Sign in
        </Button>
      </Stack>
    </form>
  );

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)" pos="relative">
      <Box pos="absolute" top={16} right={16}>
        <ColorSchemeToggle />
      </Box>
      <Center mih="100vh" px="md" py="xl" component="main">
        <Stack w="100%" maw={400} gap="lg">
          <Group gap="xs" justify="center">
            <BrandMark size={36} />
            <Text fw={700} fz={24}>
              Rollcall
            </Text>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            <Stack gap="md">
              <div>
                <Title order={1} fz={22}>
                  {organization ? `Sign in to ${organization.name}` : 'Sign in'}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {orgSlug
                    ? 'Use your organization’s single sign-on, or your Rollcall password.'
                    : 'Manage single sign-on, provisioning and teams for your organization.'}
                </Text>
              </div>
              {ssoError && !signIn.isError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle size={18} />}
                  role="alert"
                  title="Could not sign you in"
                >
                  {ssoError}
                </Alert>
              ) : null}
              {signIn.isError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle size={18} />}
                  role="alert"
                  title={isSsoRequired(signIn.error) ? 'Use single sign-on' : undefined}
                >
                  {isSsoRequired(signIn.error)
                    ? ssoRequiredMessage(providerButton)
                    : errorMessage(signIn.error)}
                </Alert>
              ) : null}
              {challenge ? (
                'twoFactorRequired' in challenge ? (
                  <TwoFactorStep
                    challenge={challenge.challenge}
                    onSignedIn={() => void navigate(from, { replace: true })}
                    onRestart={() => setChallenge(null)}
                  />
                ) : (
                  <TwoFactorEnrolmentStep
                    challenge={challenge.challenge}
                    onSignedIn={() => void navigate(from, { replace: true })}
                    onRestart={() => setChallenge(null)}
                  />
                )
              ) : orgSlug ? (
                <>
                  <OrganizationProviders slug={orgSlug} query={organizationSignIn} />
                  <Divider label="or with a password" labelPosition="center" />
                  {passwordForm}
                  <Anchor component={Link} to="/sign-in" size="sm" ta="center">
                    Use the standard sign-in
                  </Anchor>
                </>
              ) : (
                <>
                  {passwordForm}
                  <Divider label="or" labelPosition="center" />
                  {microsoftAvailable ? (
                    <Button
                      component="a"
                      href={MICROSOFT_SIGN_IN_URL}
                      variant="default"
                      fullWidth
                      leftSection={<MicrosoftLogo />}
                    >
                      Sign in with Microsoft
                    </Button>
                  ) : (
                    <>
                      {/* Say why instead of offering a button that fails. */}
                      <Button
                        variant="default"
                        fullWidth
                        leftSection={<MicrosoftLogo />}
                        disabled
                        aria-describedby="microsoft-sign-in-hint"
                      >
                        Sign in with Microsoft
                      </Button>
                      <Text id="microsoft-sign-in-hint" size="xs" c="dimmed" ta="center" mt={-8}>
                        {providers.isPending
                          ? 'Checking whether Microsoft sign-in is available…'
                          : providers.isError
                            ? 'Could not check whether Microsoft sign-in is available.'
                            : MICROSOFT_NOT_CONFIGURED}
                      </Text>
                    </>
                  )}
                  <SsoLookup
                    opened={lookupOpened}
                    onToggle={() => setLookupOpened((opened) => !opened)}
                  />
                </>
              )}
            </Stack>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Developers: the REST API is documented at{' '}
            <Anchor href="/api/docs" size="xs">
              /api/docs
            </Anchor>
            .
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
