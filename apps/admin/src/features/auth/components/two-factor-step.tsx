import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useTwoFactorSignIn } from '../api/use-two-factor-sign-in';

interface TwoFactorStepProps {
  challenge: string;
  onSignedIn: () => void;
  onRestart: () => void;
}

/** After a right password: the 6-digit code, or a recovery code. */
export function TwoFactorStep({ challenge, onSignedIn, onRestart }: TwoFactorStepProps) {
  const verify = useTwoFactorSignIn();
  const [code, setCode] = useState('');
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = code.trim();
    if (!value) return;
    verify.mutate(
      useRecoveryCode ? { challenge, recoveryCode: value } : { challenge, code: value },
      { onSuccess: onSignedIn },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Two-factor code">
      <Stack gap="sm">
        <Text size="sm">
          {useRecoveryCode
            ? 'Enter one of your recovery codes. Each works once.'
            : 'Enter the 6-digit code from your authenticator app.'}
        </Text>
        {verify.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(verify.error)}
          </Alert>
        ) : null}
        <TextInput
          key={useRecoveryCode ? 'recovery' : 'code'}
          label={useRecoveryCode ? 'Recovery code' : 'Authentication code'}
          inputMode={useRecoveryCode ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          data-autofocus
        />
        <Button type="submit" fullWidth loading={verify.isPending} disabled={!code.trim()}>
          Verify
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setUseRecoveryCode((value) => !value);
            setCode('');
          }}
        >
          {useRecoveryCode ? 'Use a code from your app instead' : 'Use a recovery code instead'}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
          Start over
        </Anchor>
      </Stack>
    </form>
  );
}
