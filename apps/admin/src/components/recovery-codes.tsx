import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadTextFile } from './download-file';

interface RecoveryCodesProps {
  codes: string[];
  /** Called once the admin confirms they saved them; the codes are not shown again. */
  onSaved: () => void;
  savedLabel?: string;
}

/** Recovery codes shown once: copy, download, and an explicit "I saved them" before moving on. */
export function RecoveryCodes({ codes, onSaved, savedLabel = 'Done' }: RecoveryCodesProps) {
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title="Save your recovery codes">
        Each code signs you in once if you lose your authenticator. They are shown only now.
      </Alert>
      <SimpleGrid cols={2} spacing="xs" aria-label="Recovery codes" component="ul" p={0} m={0}>
        {codes.map((code) => (
          <Text
            key={code}
            component="li"
            ff="monospace"
            size="sm"
            style={{ listStyle: 'none' }}
            data-recovery-code
          >
            {code}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={text} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="xs"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            >
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
          onClick={() => downloadTextFile('rollcall-recovery-codes.txt', `${text}\n`, 'text/plain')}
        >
          Download
        </Button>
      </Group>
      <Checkbox
        label="I saved these codes somewhere safe"
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Button disabled={!saved} onClick={onSaved}>
        {savedLabel}
      </Button>
    </Stack>
  );
}
