import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state';

export function NotFoundPage() {
  return (
    <EmptyState
      icon={<IconMapOff size={24} />}
      title="Page not found"
      action={
        <Button component={Link} to="/sso/provisioning" variant="light">
          Go to Provisioning
        </Button>
      }
    >
      There is nothing at this address.
    </EmptyState>
  );
}
