import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api/api-error';

interface TypedConfirmDialogProps {
  opened: boolean;
  title: string;
  /** What the action destroys and what it keeps, in the admin's terms. */
  children: ReactNode;
  /** The name to type exactly (a team's name). */
  expected: string;
  confirmLabel: string;
  /** While the consequences are still loading, the action waits. */
  ready?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * The confirmation for actions that lose data (delete a team, purge it): a red button that
 * stays disabled until the name is typed exactly as it is.
 */
export function TypedConfirmDialog({ opened, title, onClose, ...body }: TypedConfirmDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{title}</Text>}
      size="lg"
      centered
    >
      {/* The body unmounts when the dialog closes, so the typed name starts empty next time. */}
      <ConfirmBody {...body} onClose={onClose} />
    </Modal>
  );
}

function ConfirmBody({
  children,
  expected,
  confirmLabel,
  ready = true,
  pending,
  error,
  onConfirm,
  onClose,
}: Omit<TypedConfirmDialogProps, 'opened' | 'title'>) {
  const [typed, setTyped] = useState('');
  const confirmed = typed === expected;
  const submit = () => {
    if (confirmed && ready) onConfirm();
  };

  return (
    <Stack gap="md">
      {children}
      <TextInput
        label="Type the team name to confirm"
        description={
          <>
            Enter <strong>{expected}</strong> exactly.
          </>
        }
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') submit();
        }}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
      />
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(error)}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" disabled={!confirmed || !ready} loading={pending} onClick={submit}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
