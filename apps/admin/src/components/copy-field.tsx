import { ActionIcon, CopyButton, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Tokens and URLs read character by character: a fixed-width font. */
export const MONOSPACE_INPUT = { fontFamily: 'var(--mantine-font-family-monospace)' } as const;

interface CopyFieldProps {
  label: string;
  value: string;
  description?: string;
  monospace?: boolean;
  /** Wraps a long value (a client secret) instead of scrolling it out of sight. */
  multiline?: boolean;
}

/** A copy button for a value shown as text (a table cell), like the one inside CopyField. */
export function CopyAction({ label, value }: { label: string; value: string }) {
  return (
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
  );
}

/** A read-only value to paste elsewhere (Entra's Admin Credentials), with a copy button. */
export function CopyField({
  label,
  value,
  description,
  monospace = true,
  multiline = false,
}: CopyFieldProps) {
  const input = monospace ? MONOSPACE_INPUT : {};
  if (multiline) {
    return (
      <Textarea
        label={label}
        description={description}
        value={value}
        readOnly
        autosize
        minRows={1}
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { ...input, wordBreak: 'break-all' } }}
        rightSectionWidth={42}
        rightSection={<CopyAction label={label} value={value} />}
      />
    );
  }
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input }}
      rightSectionWidth={42}
      rightSection={<CopyAction label={label} value={value} />}
    />
  );
}
