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
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../api/api-error';
import { BrandMark } from '../../../components/brand-mark';
import { ColorSchemeToggle } from '../../../components/color-scheme-toggle';
import { useSession } from '../api/use-session';
import { useSignIn } from '../api/use-sign-in';
import { useSignInProviders } from '../api/use-sign-in-providers';
import { MicrosoftLogo } from './microsoft-logo';
import { signInErrorMessage } from './sign-in-error';

const MICROSOFT_NOT_CONFIGURED = 'Microsoft sign-in is not configured on this server.';
/** A full-page navigation: the API redirects to Microsoft and back. */
const MICROSOFT_SIGN_IN_URL = '/api/auth/microsoft';

export function SignInPage() {
  const session = useSession();
  const signIn = useSignIn();
  const providers = useSignInProviders();
  const [searchParams] = useSearchParams();
  // Where Sign in with Microsoft's refusals land (`/signin?error=<code>`).
  const microsoftError = signInErrorMessage(searchParams.get('error'));
  const microsoftAvailable = providers.data?.microsoft === true;
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/sso/provisioning';

  if (session.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(from, { replace: true }) },
    );
  };

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
                  Sign in
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  Manage single sign-on, provisioning and teams for your organization.
                </Text>
              </div>
              {microsoftError && !signIn.isError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle size={18} />}
                  role="alert"
                  title="Could not sign in with Microsoft"
                >
                  {microsoftError}
                </Alert>
              ) : null}
              {signIn.isError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle size={18} />}
                  role="alert"
                >
                  {errorMessage(signIn.error)}
                </Alert>
              ) : null}
              <form onSubmit={submit} noValidate>
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
                  <Button type="submit" fullWidth mt="xs" loading={signIn.isPending}>
                    Sign in
                  </Button>
                </Stack>
              </form>
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
