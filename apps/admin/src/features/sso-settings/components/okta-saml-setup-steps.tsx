import { List, Stack } from '@mantine/core';
import type { SamlServiceProviderView } from '@rollcall/contracts';
import { CopyField } from '../../../components/copy-field';

/** Okta's SAML 2.0 app integration, step by step, in the order of Okta's wizard. */
export function OktaSamlSetupSteps({
  serviceProvider,
}: {
  serviceProvider: SamlServiceProviderView;
}) {
  return (
    <>
      <List.Item>
        In the Okta Admin Console, open <strong>Applications → Applications</strong>, click{' '}
        <strong>Create App Integration</strong>, choose <strong>SAML 2.0</strong> and name the app
        (e.g. Rollcall).
      </List.Item>
      <List.Item>
        <Stack gap="xs">
          <span>
            In <strong>Configure SAML</strong>, paste the <strong>Single sign-on URL</strong> and
            tick <em>Use this for Recipient URL and Destination URL</em>:
          </span>
          <CopyField label="Single sign-on URL for Okta" value={serviceProvider.acsUrl} />
          <span>
            and the <strong>Audience URI (SP Entity ID)</strong>:
          </span>
          <CopyField
            label="Audience URI (SP Entity ID) for Okta"
            value={serviceProvider.entityId}
          />
        </Stack>
      </List.Item>
      <List.Item>
        Set <strong>Name ID format</strong> to <strong>EmailAddress</strong> and{' '}
        <strong>Application username</strong> to <strong>Okta username</strong>.
      </List.Item>
      <List.Item>
        <Stack gap="xs">
          <span>
            Under <strong>Attribute Statements</strong>, add one with this name and value, then
            finish the wizard:
          </span>
          <CopyField label="Attribute statement name" value="email" />
          <CopyField label="Attribute statement value" value="user.email" />
        </Stack>
      </List.Item>
      <List.Item>
        On the app&apos;s <strong>Sign On</strong> tab, copy the <strong>Metadata URL</strong> and
        paste it into <em>App Federation Metadata URL</em> in the SAML SSO card above, then{' '}
        <strong>Save identity provider</strong>.
      </List.Item>
      <List.Item>
        On the <strong>Assignments</strong> tab, assign the people (or groups) who may sign in.
      </List.Item>
    </>
  );
}
