import { Tabs } from '@mantine/core';
import { IconRefresh, IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ProvidersTab } from './providers-tab';
import { ProvisioningTab } from './provisioning-tab';

type SsoTab = 'providers' | 'provisioning';
const TAB_PATHS: Record<SsoTab, string> = { providers: '/sso', provisioning: '/sso/provisioning' };

/** Single Sign-On settings, as the reference product has them: providers, then Provisioning. */
export function SsoPage({ tab }: { tab: SsoTab }) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Single Sign-On"
        description="Let members sign in with your identity provider, and let Microsoft Entra ID provision users and teams over SCIM."
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value === 'providers' || value === 'provisioning') void navigate(TAB_PATHS[value]);
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="providers" leftSection={<IconShieldLock size={16} />}>
            Providers
          </Tabs.Tab>
          <Tabs.Tab value="provisioning" leftSection={<IconRefresh size={16} />}>
            Provisioning
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="providers">
          <ProvidersTab />
        </Tabs.Panel>
        <Tabs.Panel value="provisioning">
          <ProvisioningTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
