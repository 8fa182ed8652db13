import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/page-header';
import { ChangePasswordCard } from './change-password-card';
import { SessionsCard } from './sessions-card';
import { TwoFactorCard } from './two-factor-card';

export function AccountPage() {
  return (
    <>
      <PageHeader
        title="Your account"
        description="Your password, your sessions and two-factor sign-in."
      />
      <Stack gap="lg">
        <ChangePasswordCard />
        <TwoFactorCard />
        <SessionsCard />
      </Stack>
    </>
  );
}
