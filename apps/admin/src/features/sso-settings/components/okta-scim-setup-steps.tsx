import { Code, List, Stack, Text } from '@mantine/core';
import { CopyField } from '../../../components/copy-field';
import { SetupGuide } from './setup-guide';

/** Okta's SCIM provisioning on the Rollcall app integration (the same app as SAML sign-in). */
export function OktaScimSetupSteps({ tenantUrl }: { tenantUrl: string }) {
  return (
    <SetupGuide
      title="Set up Okta"
      intro="In the Okta Admin Console, on the Rollcall app integration (create it as in the Okta SAML guide on the Providers tab)."
      defaultOpened
    >
      <List.Item>
        On the app&apos;s <strong>General</strong> tab, click <strong>Edit</strong> under{' '}
        <em>App Settings</em>, set <strong>Provisioning</strong> to <strong>SCIM</strong> and{' '}
        <strong>Save</strong>.
      </List.Item>
      <List.Item>
        <Stack gap="xs">
          <span>
            Open <strong>Provisioning → Integration</strong>, click <strong>Edit</strong> and paste
            the <strong>SCIM connector base URL</strong>:
          </span>
          <CopyField label="SCIM connector base URL for Okta" value={tenantUrl} />
          <span>
            and the <strong>Unique identifier field for users</strong>:
          </span>
          <CopyField label="Unique identifier field for users" value="userName" />
        </Stack>
      </List.Item>
      <List.Item>
        Under <strong>Supported provisioning actions</strong>, tick <strong>Push New Users</strong>,{' '}
        <strong>Push Profile Updates</strong> and <strong>Push Groups</strong>.
      </List.Item>
      <List.Item>
        <Text size="sm" component="span">
          Set <strong>Authentication Mode</strong> to <strong>HTTP Header</strong> and paste the{' '}
          <strong>Secret Token</strong> shown above (only when it is created) as the{' '}
          <Code>Authorization</Code> Bearer token.
        </Text>
      </List.Item>
      <List.Item>
        Click <strong>Test Connector Configuration</strong>, close it, then <strong>Save</strong>.
      </List.Item>
      <List.Item>
        Under <strong>Provisioning → To App</strong>, click <strong>Edit</strong>, enable{' '}
        <strong>Create Users</strong>, <strong>Update User Attributes</strong> and{' '}
        <strong>Deactivate Users</strong>, and <strong>Save</strong>.
      </List.Item>
      <List.Item>
        Assign people on <strong>Assignments</strong>, and on <strong>Push Groups</strong> push the
        groups that should become teams.
      </List.Item>
    </SetupGuide>
  );
}
