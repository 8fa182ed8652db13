import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useRegenerateRecoveryCodes } from '../api/use-regenerate-recovery-codes';

interface RegenerateCodesFormProps {
  onRegenerated: (codes: string[]) => void;
  onCancel: () => void;
}

export function RegenerateCodesForm({ onRegenerated, onCancel }: RegenerateCodesFormProps) {
  const regenerate = useRegenerateRecoveryCodes();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    regenerate.mutate(
      { code: code.trim() },
      { onSuccess: (view) => onRegenerated(view.recoveryCodes) },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New recovery codes">
      <Stack gap="sm" maw={420}>
        <Text size="sm">Your current recovery codes stop working once new ones are made.</Text>
        {regenerate.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(regenerate.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Code from your authenticator app"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Group gap="sm">
          <Button type="submit" loading={regenerate.isPending} disabled={!code.trim()}>
            Make new codes
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
