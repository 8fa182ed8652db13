import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
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
import { Link, useNavigate, useParams } from 'react-router';
import type { InvitationPreviewView } from '@rollcall/contracts';
import { ApiError } from '../../../api/api-error';
import { BrandMark } from '../../../components/brand-mark';
import { ColorSchemeToggle } from '../../../components/color-scheme-toggle';
import { formatDateTime } from '../../../components/date.format';
import { LoadingState } from '../../../components/query-state';
import { useAcceptInvitation } from '../api/use-accept-invitation';
import { useInvitation } from '../api/use-invitation';
import {
  INVALID_INVITATION_MESSAGE,
  MIN_PASSWORD_LENGTH,
  acceptErrorMessage,
  invitationSummary,
  passwordErrors,
} from './accept-invitation.format';

/** `/invitations/:token`, outside the signed-in layout: choose a password, then the dashboard. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const invitation = useInvitation(token);

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)" pos="relative">
      <Box pos="absolute" top={16} right={16}>
        <ColorSchemeToggle />
      </Box>
      <Center mih="100vh" px="md" py="xl" component="main">
        <Stack w="100%" maw={440} gap="lg">
          <Group gap="xs" justify="center">
            <BrandMark size={36} />
            <Text fw={700} fz={24}>
              Rollcall
            </Text>
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            {invitation.isPending ? (
              <LoadingState label="Opening your invitation…" />
            ) : invitation.isError ? (
              <Unavailable message={acceptErrorMessage(invitation.error)} />
            ) : invitation.data === null ? (
              <Unavailable message={INVALID_INVITATION_MESSAGE} />
            ) : (
              <AcceptForm token={token} invitation={invitation.data} />
            )}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

function Unavailable({ message }: { message: string }) {
  return (
    <Stack gap="md">
      <Title order={1} fz={22}>
        Invitation
      </Title>
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
        {message}
      </Alert>
      <Text size="sm">
        Already an admin?{' '}
        <Anchor component={Link} to="/sign-in">
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreviewView }) {
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [touched, setTouched] = useState(false);
  const errors = passwordErrors(password, confirmation);
  const ssoRequired = accept.error instanceof ApiError && accept.error.code === 'SSO_REQUIRED';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (errors.password || errors.confirmation) return;
    accept.mutate({ token, password }, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Accept the invitation">
      <Stack gap="md">
        <div>
          <Title order={1} fz={22}>
            Join {invitation.organizationName}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {invitationSummary(invitation.organizationName, invitation.role)}
          </Text>
        </div>
        <TextInput label="Email" value={invitation.email} readOnly autoComplete="username" />
        <PasswordInput
          label="Password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={touched ? errors.password : null}
          data-autofocus
        />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={touched ? errors.confirmation : null}
        />
        {accept.isError ? (
          <Alert
            color={ssoRequired ? 'blue' : 'red'}
            variant="light"
            icon={<IconAlertCircle size={18} />}
            role="alert"
          >
            {acceptErrorMessage(accept.error)}
            {ssoRequired ? (
              <>
                {' '}
                <Anchor component={Link} to="/sign-in" size="sm">
                  Go to sign-in
                </Anchor>
              </>
            ) : null}
          </Alert>
        ) : null}
        <Button type="submit" fullWidth loading={accept.isPending} disabled={ssoRequired}>
          Set password and continue
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          The link works once, until {formatDateTime(invitation.expiresAt)}.
        </Text>
      </Stack>
    </form>
  );
}
