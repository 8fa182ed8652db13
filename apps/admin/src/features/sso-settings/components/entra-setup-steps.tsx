import { Badge, Card, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { CopyField } from '../../../components/copy-field';

/**
 * Entra's default user mappings for a non-gallery SCIM app (source → target), the attributes
 * Rollcall reads (ARCHITECTURE.md). Entra has no time zone of its own: map one if you keep it.
 */
const USER_ATTRIBUTES: readonly { entra: string; rollcall: string }[] = [
  { entra: 'userPrincipalName', rollcall: 'userName' },
  { entra: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', rollcall: 'active' },
  { entra: 'mail', rollcall: 'emails[type eq "work"].value' },
  { entra: 'givenName', rollcall: 'name.givenName' },
  { entra: 'surname', rollcall: 'name.familyName' },
  { entra: 'telephoneNumber', rollcall: 'phoneNumbers[type eq "work"].value' },
  { entra: 'mobile', rollcall: 'phoneNumbers[type eq "mobile"].value' },
  { entra: 'mailNickname (or objectId)', rollcall: 'externalId' },
  { entra: 'an extension attribute, if you have one', rollcall: 'timezone' },
];

/** The Microsoft Entra ID side, step by step, with the values to paste (Entra's own tutorial, in order). */
export function EntraSetupSteps({ tenantUrl }: { tenantUrl: string }) {
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Set up Microsoft Entra ID">
      <Title order={2} fz="lg" mb={4}>
        Set up Microsoft Entra ID
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        In the Microsoft Entra admin center, as at least a Cloud Application Administrator.
      </Text>
      <List type="ordered" spacing="sm" size="sm">
        <List.Item>
          Open <strong>Identity → Applications → Enterprise applications</strong>, then your
          Rollcall application.
        </List.Item>
        <List.Item>
          Select <strong>Provisioning</strong> and set <strong>Provisioning Mode</strong> to{' '}
          <strong>Automatic</strong>.
        </List.Item>
        <List.Item>
          <Stack gap="xs">
            <span>
              Under <strong>Admin Credentials</strong>, paste:
            </span>
            <CopyField label="Tenant URL to paste" value={tenantUrl} />
            <Text size="sm">
              and the <strong>Secret Token</strong> shown above (only when it is created).
            </Text>
          </Stack>
        </List.Item>
        <List.Item>
          Click <strong>Test Connection</strong>, then <strong>Save</strong>.
        </List.Item>
        <List.Item>
          Under <strong>Mappings</strong>, check <em>Provision Microsoft Entra ID Users</em>.
          Rollcall reads these attributes (<Code>userName</Code> is the matching one):
          <Table.ScrollContainer minWidth={420} mt="xs">
            <Table
              withTableBorder
              withColumnBorders
              fz="xs"
              verticalSpacing={4}
              aria-label="Attribute mappings"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Microsoft Entra ID attribute</Table.Th>
                  <Table.Th>Rollcall attribute</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {USER_ATTRIBUTES.map(({ entra, rollcall }) => (
                  <Table.Tr key={rollcall}>
                    <Table.Td>{entra}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Code>{rollcall}</Code>
                        {rollcall === 'userName' ? (
                          <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                            Matching
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </List.Item>
        <List.Item>
          <Stack gap={6}>
            <span>
              <strong>Roles from Microsoft Entra ID:</strong> add the custom attribute{' '}
              <Code>roleName</Code>.
            </span>
            <List type="unordered" size="sm" spacing={4} withPadding>
              <List.Item>
                In <em>Provision Microsoft Entra ID Users</em>, tick{' '}
                <strong>Show advanced options</strong> and click{' '}
                <strong>Edit attribute list for Rollcall</strong>.
              </List.Item>
              <List.Item>
                At the bottom add an attribute named <Code>roleName</Code>, type String, with{' '}
                <strong>Exact case</strong> ticked. Save and confirm with Yes.
              </List.Item>
              <List.Item>
                Back in Attribute Mapping, <strong>Add New Mapping</strong> with target attribute{' '}
                <Code>roleName</Code> (e.g. from an expression or an extension attribute). Values:{' '}
                <Code>admin</Code>, <Code>billing_admin</Code>, <Code>team_lead</Code>,{' '}
                <Code>responder</Code>, <Code>member</Code>.
              </List.Item>
            </List>
          </Stack>
        </List.Item>
        <List.Item>
          Under <em>Provision Microsoft Entra ID Groups</em>, keep <Code>displayName</Code>{' '}
          (matching), <Code>externalId</Code> and <Code>members</Code>: each assigned group becomes
          a team.
        </List.Item>
        <List.Item>
          Set <strong>Provisioning Status</strong> to <strong>On</strong>, choose the scope
          (assigned users and groups), and <strong>Save</strong>. Microsoft Entra ID then syncs
          about every 40 minutes.
        </List.Item>
      </List>
    </Card>
  );
}
