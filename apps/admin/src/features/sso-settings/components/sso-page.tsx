import { PageHeader } from '../../../components/page-header';
import { ProvidersTab } from './providers-tab';
import { ProvisioningTab } from './provisioning-tab';

type SsoSection = 'providers' | 'provisioning';

/**
 * Single Sign-On (/sso) and Provisioning (/sso/provisioning) are two pages, each with its own
 * sidebar item: the heading always names the item the sidebar highlights. They were tabs of
 * one page once, and the sidebar and the heading disagreed.
 */
const SECTIONS: Record<SsoSection, { title: string; description: string }> = {
  providers: {
    title: 'Single Sign-On',
    description:
      'Let members sign in with Microsoft Entra ID, a custom OIDC provider or SAML, and choose who may sign in.',
  },
  provisioning: {
    title: 'Provisioning',
    description:
      'Let Microsoft Entra ID (or Okta) create, update and deactivate users and teams over SCIM.',
  },
};

export function SsoPage({ tab }: { tab: SsoSection }) {
  const section = SECTIONS[tab];
  return (
    <>
      <PageHeader title={section.title} description={section.description} />
      {tab === 'providers' ? <ProvidersTab /> : <ProvisioningTab />}
    </>
  );
}
