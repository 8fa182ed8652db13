import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import {
  ACCESS_TOKEN_LIFETIME_MINUTES,
  type CreateScimFederatedCredentialRequest,
} from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { MONOSPACE_INPUT } from '../../../components/copy-field';
import { useCreateFederatedCredential } from '../api/use-create-federated-credential';
import { issuerError } from './oidc-provider-form';
import { accessTokenLifetimeError } from './oauth-lifetimes';

interface AddFederatedCredentialModalProps {
  opened: boolean;
  onClose: () => void;
}

interface Draft {
  name: string;
  issuer: string;
  subject: string;
  jwksUri: string;
  lifetime: number | string;
}

const blank = (): Draft => ({
  name: '',
  issuer: '',
  subject: '',
  jwksUri: '',
  lifetime: ACCESS_TOKEN_LIFETIME_MINUTES.default,
});

function draftErrors(draft: Draft): Partial<Record<keyof Draft, string>> {
  const errors: Partial<Record<keyof Draft, string>> = {};
  if (!draft.name.trim()) errors.name = 'Enter a name.';
  const issuer = issuerError(draft.issuer);
  if (issuer) errors.issuer = issuer;
  if (!draft.subject.trim()) errors.subject = 'Enter the subject (sub) of the tokens.';
  if (draft.jwksUri.trim()) {
    const jwks = issuerError(draft.jwksUri);
    if (jwks) errors.jwksUri = jwks.replace('issuer', 'JWKS URI');
  }
  const lifetime = accessTokenLifetimeError(draft.lifetime);
  if (lifetime) errors.lifetime = lifetime;
  return errors;
}

/** A trusted issuer whose signed JWTs Rollcall exchanges for access tokens (RFC 7523). */
export function AddFederatedCredentialModal({ opened, onClose }: AddFederatedCredentialModalProps) {
  const create = useCreateFederatedCredential();
  const [draft, setDraft] = useState<Draft>(blank);
  const [touched, setTouched] = useState(false);
  const errors = touched ? draftErrors(draft) : {};

  const set =
    (key: Exclude<keyof Draft, 'lifetime'>) => (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setDraft((current) => ({ ...current, [key]: value }));
    };

  const close = () => {
    create.reset();
    setDraft(blank());
    setTouched(false);
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(draftErrors(draft)).length > 0) return;
    const request: CreateScimFederatedCredentialRequest = {
      name: draft.name.trim(),
      issuer: draft.issuer.trim(),
      subject: draft.subject.trim(),
      accessTokenLifetimeMinutes: Number(draft.lifetime),
    };
    if (draft.jwksUri.trim()) request.jwksUri = draft.jwksUri.trim();
    create.mutate(request, {
      onSuccess: (credential) => {
        notifications.show({
          color: 'teal',
          title: 'Federated credential added',
          message: `Give Entra the audience of ${credential.name} (copy it from the list): its tokens must carry it.`,
          autoClose: 10_000,
        });
        close();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={700}>Add federated credential</Text>}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Entra&apos;s provisioning service presents a token signed by your tenant; Rollcall
            checks its issuer, subject and audience against this credential and the issuer&apos;s
            signing keys, then returns an access token. No secret to store or rotate. Rollcall
            assigns this credential its own audience: once added, copy it into Entra as the
            Application ID URI of your workload identity app.
          </Text>
          <TextInput
            label="Name"
            value={draft.name}
            onChange={set('name')}
            error={errors.name}
            placeholder="Entra provisioning (Contoso)"
            maxLength={120}
            required
            data-autofocus
          />
          <TextInput
            label="Issuer"
            description="The exact iss of the presented tokens; for Entra, your tenant's issuer."
            placeholder="https://login.microsoftonline.com/<tenant-id>/v2.0"
            value={draft.issuer}
            onChange={set('issuer')}
            error={errors.issuer}
            styles={{ input: MONOSPACE_INPUT }}
            spellCheck={false}
            required
          />
          <TextInput
            label="Subject"
            description="The exact sub of the presented tokens; for Entra, the object ID of the provisioning app's service principal."
            value={draft.subject}
            onChange={set('subject')}
            error={errors.subject}
            styles={{ input: MONOSPACE_INPUT }}
            spellCheck={false}
            required
          />
          <TextInput
            label="JWKS URI"
            description="Optional: where the issuer's signing keys are. Empty = from the issuer's discovery document."
            value={draft.jwksUri}
            onChange={set('jwksUri')}
            error={errors.jwksUri}
            styles={{ input: MONOSPACE_INPUT }}
            spellCheck={false}
          />
          <NumberInput
            label="Access token lifetime (minutes)"
            description={`${ACCESS_TOKEN_LIFETIME_MINUTES.min} to ${ACCESS_TOKEN_LIFETIME_MINUTES.max}`}
            value={draft.lifetime}
            onChange={(lifetime) => setDraft((current) => ({ ...current, lifetime }))}
            min={ACCESS_TOKEN_LIFETIME_MINUTES.min}
            max={ACCESS_TOKEN_LIFETIME_MINUTES.max}
            step={30}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={errors.lifetime}
            w={260}
          />
          {create.isError ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add federated credential
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
