import { Code, List, Stack, Text } from '@mantine/core';
import type { SamlServiceProviderView } from '@rollcall/contracts';
import { CopyField } from '../../../components/copy-field';

/** Entra's email claim, which Rollcall reads as the e-mail address. */
const EMAIL_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';

/** Entra's non-gallery SAML app, step by step, in the order of Entra's screens. */
export function EntraSamlSetupSteps({
  serviceProvider,
}: {
  serviceProvider: SamlServiceProviderView;
}) {
  return (
    <>
      <List.Item>
        In the Microsoft Entra admin center, open{' '}
        <strong>Identity → Applications → Enterprise applications</strong> and click{' '}
        <strong>New application</strong>.
      </List.Item>
      <List.Item>
        Click <strong>Create your own application</strong>, name it (e.g. Rollcall), choose{' '}
        <em>Integrate any other application you don&apos;t find in the gallery (Non-gallery)</em>{' '}
        and click <strong>Create</strong>.
      </List.Item>
      <List.Item>
        Open <strong>Single sign-on</strong> and select <strong>SAML</strong>.
      </List.Item>
      <List.Item>
        <Stack gap="xs">
          <span>
            In <strong>Basic SAML Configuration</strong> click <strong>Edit</strong>, paste these
            and <strong>Save</strong>:
          </span>
          <CopyField label="Identifier (Entity ID) for Entra" value={serviceProvider.entityId} />
          <CopyField
            label="Reply URL (Assertion Consumer Service URL) for Entra"
            value={serviceProvider.acsUrl}
          />
          <CopyField label="Sign on URL for Entra" value={serviceProvider.signOnUrl} />
        </Stack>
      </List.Item>
      <List.Item>
        <Stack gap="xs">
          <span>
            In <strong>Attributes &amp; Claims</strong>, set <strong>Unique User Identifier</strong>{' '}
            (Name ID) to the value below: it matches the <Code>userName</Code> that provisioning
            sends, so each sign-in finds its provisioned member.
          </span>
          <CopyField
            label="Unique User Identifier source attribute"
            value="user.userprincipalname"
          />
          <Text size="sm">Keep the e-mail address claim (source attribute user.mail):</Text>
          <CopyField label="E-mail address claim name" value={EMAIL_CLAIM} />
        </Stack>
      </List.Item>
      <List.Item>
        In <strong>SAML Certificates</strong>, copy the <strong>App Federation Metadata Url</strong>{' '}
        and paste it into <em>App Federation Metadata URL</em> in the SAML SSO card above, then{' '}
        <strong>Save identity provider</strong>.
      </List.Item>
      <List.Item>
        In <strong>Users and groups</strong>, click <strong>Add user/group</strong> and assign the
        people (or groups) who may sign in. Others are refused by Entra.
      </List.Item>
      <List.Item>
        Back in <strong>Single sign-on</strong>, click <strong>Test</strong> →{' '}
        <strong>Test sign in</strong>: Entra sends you to Rollcall signed in (IdP-initiated).
      </List.Item>
    </>
  );
}
