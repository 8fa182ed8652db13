import { ActionIcon, Button, Group, Input, Stack, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { MONOSPACE_INPUT } from '../../../components/copy-field';
import { MAX_CERTIFICATES } from './saml-connection-form';

interface SamlCertificateInputsProps {
  certificates: string[];
  error: string | undefined;
  onChange: (certificates: string[]) => void;
}

/** The IdP's signing certificates, several during a rollover (old and new both accepted). */
export function SamlCertificateInputs({
  certificates,
  error,
  onChange,
}: SamlCertificateInputsProps) {
  const set = (index: number, value: string) =>
    onChange(certificates.map((current, i) => (i === index ? value : current)));
  return (
    <Input.Wrapper
      label="Signing certificates"
      description="PEM (-----BEGIN CERTIFICATE-----) or base64, as your identity provider downloads it (in Entra: Certificate (Base64)). Add the new one next to the old during a rollover."
      error={error}
      required
      // The textareas carry their own labels: this one names the group, it labels no input.
      labelElement="div"
    >
      <Stack gap="xs" mt={6}>
        {certificates.map((certificate, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <Textarea
              style={{ flex: 1 }}
              aria-label={`Signing certificate ${index + 1}`}
              placeholder="-----BEGIN CERTIFICATE-----"
              value={certificate}
              onChange={(event) => set(index, event.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              spellCheck={false}
              styles={{ input: MONOSPACE_INPUT }}
              error={Boolean(error)}
            />
            {certificates.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={4}
                aria-label={`Remove signing certificate ${index + 1}`}
                onClick={() => onChange(certificates.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          disabled={certificates.length >= MAX_CERTIFICATES}
          onClick={() => onChange([...certificates, ''])}
        >
          Add another certificate
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
