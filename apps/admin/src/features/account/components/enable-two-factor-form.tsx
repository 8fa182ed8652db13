import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { TwoFactorSetupView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { CopyField } from '../../../components/copy-field';
import { useConfirmTwoFactor } from '../api/use-two-factor-setup';

interface EnableTwoFactorFormProps {
  setup: TwoFactorSetupView;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** No QR library is installed: the secret to type in, or the otpauth link to open on a phone. */
export function EnableTwoFactorForm({ setup, onEnabled, onCancel }: EnableTwoFactorFormProps) {
  const confirm = useConfirmTwoFactor();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate({ code: code.trim() }, { onSuccess: (view) => onEnabled(view.recoveryCodes) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Confirm two-factor">
      <Stack gap="sm" maw={520}>
        <Text size="sm">
          1. In your authenticator app, add an account with this setup key (time-based, 6 digits).
        </Text>
        <CopyField label="Setup key" value={setup.secret} monospace />
        <CopyField
          label="Or the otpauth link"
          value={setup.otpauthUrl}
          monospace
          description="Some password managers take this link directly."
        />
        <Text size="sm">2. Enter the 6-digit code the app shows.</Text>
        {confirm.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(confirm.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Group gap="sm">
          <Button type="submit" loading={confirm.isPending} disabled={!code.trim()}>
            Turn on
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
