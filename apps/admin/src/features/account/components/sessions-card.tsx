import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../api/api-error';
import { useSignOutEverywhere } from '../api/use-sign-out-everywhere';

export function SessionsCard() {
  const signOutEverywhere = useSignOutEverywhere();
  const navigate = useNavigate();
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          Sessions
        </Title>
        <Text size="sm" c="dimmed">
          Signed in on a computer you no longer use? End every session of yours, this one too.
        </Text>
        {signOutEverywhere.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(signOutEverywhere.error)}
          </Alert>
        ) : null}
        <Group>
          <Button
            color="red"
            variant="light"
            loading={signOutEverywhere.isPending}
            onClick={() =>
              signOutEverywhere.mutate(undefined, {
                onSuccess: () => void navigate('/sign-in', { replace: true }),
              })
            }
          >
            Sign out everywhere
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
