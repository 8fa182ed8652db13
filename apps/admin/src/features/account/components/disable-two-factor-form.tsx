import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useDisableTwoFactor } from '../api/use-disable-two-factor';

export function DisableTwoFactorForm({ onDone }: { onDone: () => void }) {
  const disable = useDisableTwoFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const factor = useRecoveryCode ? { recoveryCode: code.trim() } : { code: code.trim() };
    disable.mutate({ password, ...factor }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Turn off two-factor">
      <Stack gap="sm" maw={420}>
        {disable.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(disable.error)}
          </Alert>
        ) : null}
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <TextInput
          label={useRecoveryCode ? 'Recovery code' : 'Code from your authenticator app'}
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setUseRecoveryCode((v) => !v)}
        >
          {useRecoveryCode ? 'Use a code from the app instead' : 'Use a recovery code instead'}
        </Anchor>
        <Group gap="sm">
          <Button
            type="submit"
            color="red"
            loading={disable.isPending}
            disabled={!password || !code.trim()}
          >
            Turn off
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
