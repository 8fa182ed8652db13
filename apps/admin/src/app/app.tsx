import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { onUnauthenticated } from '../api/api-client';
import { sessionKey } from '../features/auth/api/use-session';
import { createQueryClient } from './query-client';
import { router } from './router';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);

  // Any 401 means the session is gone: forget it, and the guard sends the admin to sign in.
  useEffect(
    () =>
      onUnauthenticated(() => {
        queryClient.setQueryData(sessionKey, null);
      }),
    [queryClient],
  );

  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications position="top-right" limit={4} />
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
