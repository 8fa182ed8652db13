import { ActionIcon, CopyButton, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Tokens and URLs read character by character: a fixed-width font. */
export const MONOSPACE_INPUT = { fontFamily: 'var(--mantine-font-family-monospace)' } as const;

interface CopyFieldProps {
  label: string;
  value: string;
  description?: string;
  monospace?: boolean;
}

/** A read-only value to paste elsewhere (Entra's Admin Credentials), with a copy button. */
export function CopyField({ label, value, description, monospace = true }: CopyFieldProps) {
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input: monospace ? MONOSPACE_INPUT : {} }}
      rightSectionWidth={42}
      rightSection={
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy ${label}`} withArrow position="left">
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={`Copy ${label}`}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}
