import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconMailCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { AdminRoleName, CreatedAdminInvitationView } from '@rollcall/contracts';
import { formatDateTime } from '../../../components/date.format';
import { CopyField } from '../../../components/copy-field';
import { useInviteAdmin } from '../api/use-invite-admin';
import {
  ADMIN_ROLE_OPTIONS,
  adminErrorMessage,
  adminRoleExplanation,
  adminRoleLabel,
  inviteEmailError,
} from './admin-role.format';

interface InviteAdminModalProps {
  opened: boolean;
  onClose: () => void;
}

/** E-mail and role; then either "e-mailed" or the link to pass on, with a copy button. */
export function InviteAdminModal({ opened, onClose }: InviteAdminModalProps) {
  const invite = useInviteAdmin();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AdminRoleName>('admin');
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<CreatedAdminInvitationView | null>(null);
  const emailError = inviteEmailError(email);

  const close = () => {
    invite.reset();
    setCreated(null);
    setTouched(false);
    setEmail('');
    setRole('admin');
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (emailError) return;
    invite.mutate({ email: email.trim(), role }, { onSuccess: setCreated });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={700}>{created ? 'Invitation created' : 'Invite admin'}</Text>}
      centered
      size="lg"
      // A link not e-mailed is on screen: a stray click outside must not lose it.
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          {created.emailed ? (
            <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} role="status">
              The invitation was e-mailed to <strong>{created.email}</strong>.
            </Alert>
          ) : (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              role="note"
            >
              The invitation was <strong>not e-mailed</strong>
              {created.mailError ? ` (${created.mailError})` : ' (no mail server is configured)'}.
              Send this link to {created.email} yourself.
            </Alert>
          )}
          <Text size="sm">
            {created.email} joins as <strong>{adminRoleLabel(created.role)}</strong>:{' '}
            {adminRoleExplanation(created.role).toLowerCase()} The link works once, until{' '}
            {formatDateTime(created.expiresAt)}.
          </Text>
          {created.emailed ? null : <CopyField label="Invitation link" value={created.link} />}
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label="E-mail"
              type="email"
              placeholder="grace@company.com"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={touched ? emailError : null}
              required
              data-autofocus
            />
            <Select
              label="Role"
              data={ADMIN_ROLE_OPTIONS.map(({ value, label }) => ({ value, label }))}
              value={role}
              onChange={(value) => setRole((value as AdminRoleName | null) ?? 'admin')}
              allowDeselect={false}
              description={adminRoleExplanation(role)}
              comboboxProps={{ withinPortal: true }}
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed">
                    {adminRoleExplanation(option.value as AdminRoleName)}
                  </Text>
                </Stack>
              )}
            />
            {invite.isError ? (
              <Alert color="red" variant="light" role="alert">
                {adminErrorMessage(invite.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
