import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TwoFactorSetupView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { RecoveryCodes } from '../../../components/recovery-codes';
import { useTwoFactorStatus } from '../api/use-two-factor-status';
import { useStartTwoFactorSetup } from '../api/use-two-factor-setup';
import { DisableTwoFactorForm } from './disable-two-factor-form';
import { EnableTwoFactorForm } from './enable-two-factor-form';
import { RegenerateCodesForm } from './regenerate-codes-form';

type Step =
  | { kind: 'idle' }
  | { kind: 'enrolling'; setup: TwoFactorSetupView }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'disabling' }
  | { kind: 'regenerating' };

export function TwoFactorCard() {
  const status = useTwoFactorStatus();
  const start = useStartTwoFactorSetup();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const idle = () => setStep({ kind: 'idle' });

  let body;
  if (status.isPending) body = <LoadingState />;
  else if (status.isError)
    body = <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  else if (step.kind === 'enrolling')
    body = (
      <EnableTwoFactorForm
        setup={step.setup}
        onEnabled={(codes) => setStep({ kind: 'codes', codes })}
        onCancel={idle}
      />
    );
  else if (step.kind === 'codes') body = <RecoveryCodes codes={step.codes} onSaved={idle} />;
  else if (step.kind === 'disabling') body = <DisableTwoFactorForm onDone={idle} />;
  else if (step.kind === 'regenerating')
    body = (
      <RegenerateCodesForm
        onRegenerated={(codes) => setStep({ kind: 'codes', codes })}
        onCancel={idle}
      />
    );
  else if (status.data.enabled)
    body = (
      <Stack gap="sm">
        <Text size="sm">
          Signing in with your password also asks for a code from your authenticator app.{' '}
          {status.data.recoveryCodesLeft} recovery codes left.
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={() => setStep({ kind: 'regenerating' })}>
            New recovery codes
          </Button>
          <Button color="red" variant="light" onClick={() => setStep({ kind: 'disabling' })}>
            Turn off two-factor
          </Button>
        </Group>
      </Stack>
    );
  else
    body = (
      <Stack gap="sm">
        <Text size="sm">
          Add a code from an authenticator app (Microsoft Authenticator, Google Authenticator,
          1Password…) to your password sign-in.
        </Text>
        {start.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(start.error)}
          </Alert>
        ) : null}
        <div>
          <Button
            loading={start.isPending}
            onClick={() =>
              start.mutate(undefined, {
                onSuccess: (setup) => setStep({ kind: 'enrolling', setup }),
              })
            }
          >
            Turn on two-factor
          </Button>
        </div>
      </Stack>
    );

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} fz="lg">
            Two-factor sign-in
          </Title>
          {status.data ? (
            <Badge color={status.data.enabled ? 'teal' : 'gray'} variant="light">
              {status.data.enabled ? 'On' : 'Off'}
            </Badge>
          ) : null}
        </Group>
        {body}
      </Stack>
    </Card>
  );
}
