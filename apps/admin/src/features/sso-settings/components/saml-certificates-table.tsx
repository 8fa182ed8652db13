import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { SamlConnectionView } from '@rollcall/contracts';
import { CopyAction } from '../../../components/copy-field';
import { formatDate } from '../../../components/date.format';
import { certificateBadge, certificateRolloverNotice } from './saml-certificate.format';

/** The IdP's signing certificates Rollcall accepts now, and what to do before one ends. */
export function SamlCertificatesTable({
  connection,
}: {
  connection: Pick<SamlConnectionView, 'certificates' | 'metadataUrl'>;
}) {
  const notice = certificateRolloverNotice(connection);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder fz="sm" verticalSpacing={6}>
          <Table.Caption>Signing certificates of the identity provider</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Subject</Table.Th>
              <Table.Th>SHA-256 fingerprint</Table.Th>
              <Table.Th>Valid until</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {connection.certificates.map((certificate) => {
              const badge = certificateBadge(certificate);
              return (
                <Table.Tr key={certificate.fingerprintSha256}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{certificate.subject}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" align="flex-start">
                      <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {certificate.fingerprintSha256}
                      </Text>
                      <CopyAction
                        label={`SHA-256 fingerprint of ${certificate.subject}`}
                        value={certificate.fingerprintSha256}
                      />
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(certificate.notAfter)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      color={badge.color}
                      variant="light"
                      tt="none"
                      style={{ minWidth: 'max-content' }}
                    >
                      {badge.label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {notice ? (
        <Alert
          color={notice.color}
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={notice.title}
          role="note"
        >
          {notice.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
