import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useChangePassword } from '../api/use-change-password';

const MIN_LENGTH = 8;

export function ChangePasswordCard() {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [checked, setChecked] = useState(false);

  const tooShort = newPassword.length < MIN_LENGTH;
  const mismatch = repeated !== newPassword;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!currentPassword || tooShort || mismatch) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setRepeated('');
          setChecked(false);
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="sm" maw={420}>
          <Title order={2} fz="lg">
            Password
          </Title>
          <Text size="sm" c="dimmed">
            Changing it signs you out of every other browser; this one stays signed in.
          </Text>
          {change.isSuccess ? (
            <Alert color="teal" variant="light" role="status">
              Password changed. Your other sessions were signed out.
            </Alert>
          ) : null}
          {change.isError ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(change.error)}
            </Alert>
          ) : null}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={checked && !currentPassword ? 'Enter your current password.' : undefined}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={checked && tooShort ? `At least ${MIN_LENGTH} characters.` : undefined}
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            value={repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
            error={checked && mismatch ? 'The passwords differ.' : undefined}
          />
          <div>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
