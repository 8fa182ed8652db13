import { Alert, Anchor, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { EnrolledSessionView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { CopyField } from '../../../components/copy-field';
import { RecoveryCodes } from '../../../components/recovery-codes';
import {
  useTwoFactorEnrolmentConfirm,
  useTwoFactorEnrolmentSetup,
} from '../api/use-two-factor-sign-in';
import { useAdoptSession } from '../api/use-sign-in';

interface TwoFactorEnrolmentStepProps {
  challenge: string;
  onSignedIn: () => void;
  onRestart: () => void;
}

/** The organization requires two-factor and this admin has none: set it up to sign in. */
export function TwoFactorEnrolmentStep({
  challenge,
  onSignedIn,
  onRestart,
}: TwoFactorEnrolmentStepProps) {
  const setup = useTwoFactorEnrolmentSetup();
  const confirm = useTwoFactorEnrolmentConfirm();
  const adopt = useAdoptSession();
  const [code, setCode] = useState('');
  const [enrolled, setEnrolled] = useState<EnrolledSessionView | null>(null);
  const { mutate: startSetup } = setup;

  useEffect(() => startSetup(challenge), [challenge, startSetup]);

  if (enrolled) {
    return (
      <RecoveryCodes
        codes={enrolled.recoveryCodes}
        savedLabel="Continue"
        onSaved={() => {
          // The session opens in the app only once the codes are saved.
          adopt(enrolled);
          onSignedIn();
        }}
      />
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!code.trim()) return;
    confirm.mutate({ challenge, code: code.trim() }, { onSuccess: setEnrolled });
  };
  const error = setup.error ?? confirm.error;

  return (
    <form onSubmit={submit} noValidate aria-label="Set up two-factor">
      <Stack gap="sm">
        <Text size="sm">
          Your organization requires two-factor sign-in. Add this setup key to an authenticator app
          (time-based, 6 digits), then enter the code it shows.
        </Text>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error)}
          </Alert>
        ) : null}
        {setup.data ? (
          <>
            <CopyField label="Setup key" value={setup.data.secret} monospace />
            <CopyField label="Or the otpauth link" value={setup.data.otpauthUrl} monospace />
            <TextInput
              label="Authentication code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <Button type="submit" fullWidth loading={confirm.isPending} disabled={!code.trim()}>
              Turn on and sign in
            </Button>
          </>
        ) : setup.isPending ? (
          <Loader size="sm" aria-label="Preparing two-factor setup" />
        ) : null}
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
          Start over
        </Anchor>
      </Stack>
    </form>
  );
}
