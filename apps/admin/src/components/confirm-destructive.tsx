import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error';

interface MutationCallbacks {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

export interface ConfirmDestructiveOptions {
  title: ReactNode;
  /** What happens, and what it costs, in the admin's terms. */
  children: ReactNode;
  confirmLabel: string;
  /** Runs the mutation with the callbacks that report its outcome. */
  action: (callbacks: MutationCallbacks) => void;
  success: { title: string; message: string; color?: string };
  failureTitle: string;
  /** Runs after a success, before the notification. */
  onDone?: () => void;
}

/**
 * The dashboard's one way to confirm a destructive action (revoke, remove, disconnect,
 * disable): a red confirm dialog, then a notification of the outcome.
 */
export function confirmDestructive(options: ConfirmDestructiveOptions): void {
  modals.openConfirmModal({
    title: <Text fw={700}>{options.title}</Text>,
    centered: true,
    children: options.children,
    labels: { confirm: options.confirmLabel, cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm: () =>
      options.action({
        onSuccess: () => {
          options.onDone?.();
          notifications.show({
            color: options.success.color ?? 'teal',
            title: options.success.title,
            message: options.success.message,
          });
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: options.failureTitle,
            message: errorMessage(error),
          }),
      }),
  });
}
