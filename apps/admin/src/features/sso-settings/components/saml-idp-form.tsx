import {
  Checkbox,
  FileInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  useMatches,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { SamlConnectionView } from '@rollcall/contracts';
import { ApiError, errorMessage } from '../../../api/api-error';
import { MONOSPACE_INPUT } from '../../../components/copy-field';
import { useSaveSamlConnection } from '../api/use-save-saml-connection';
import { ProviderFormActions } from './provider-form-actions';
import { SamlCertificateInputs } from './saml-certificate-inputs';
import {
  SAML_FORM_MODES,
  emptySamlForm,
  fieldOfSamlSaveError,
  toSaveSamlRequest,
  validateSamlForm,
  type SamlConnectionFormErrors,
  type SamlConnectionFormValues,
  type SamlFormMode,
} from './saml-connection-form';

type TextField = 'metadataUrl' | 'metadataXml' | 'idpEntityId' | 'ssoUrl';

interface SamlIdpFormProps {
  connection: SamlConnectionView | null;
  onDone?: () => void;
}

/** Configure the identity provider: its metadata URL (what Entra shows), its XML, or by hand. */
export function SamlIdpForm({ connection, onDone }: SamlIdpFormProps) {
  const save = useSaveSamlConnection();
  const [values, setValues] = useState<SamlConnectionFormValues>(() => emptySamlForm(connection));
  const [errors, setErrors] = useState<SamlConnectionFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Three long labels side by side do not fit a phone.
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', sm: 'horizontal' });

  const change = (changes: Partial<SamlConnectionFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setErrors({});
    setFormError(null);
  };
  const field = (name: TextField) => (event: { currentTarget: { value: string } }) =>
    change({ [name]: event.currentTarget.value });
  const readFile = (file: File | null) => {
    if (file) void file.text().then((metadataXml) => change({ metadataXml }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSamlForm(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    save.mutate(toSaveSamlRequest(values), {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: connection ? 'SAML settings updated' : 'SAML identity provider saved',
          message: 'Members can now sign in with SAML SSO.',
        });
        onDone?.();
      },
      onError: (error) => {
        // The server says what was wrong with the metadata or certificate: show it right there.
        const target =
          error instanceof ApiError
            ? fieldOfSamlSaveError(error.code, values.mode, error.message)
            : null;
        if (target) setErrors({ [target]: errorMessage(error) });
        else setFormError(errorMessage(error));
      },
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={connection ? 'Edit the SAML identity provider' : 'SAML identity provider'}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600} id="saml-mode-label">
          Configure the identity provider
        </Text>
        <SegmentedControl
          aria-labelledby="saml-mode-label"
          data={SAML_FORM_MODES}
          value={values.mode}
          onChange={(mode) => change({ mode: mode as SamlFormMode })}
          fullWidth
          orientation={orientation}
        />
        {values.mode === 'metadata_url' ? (
          <TextInput
            label="App Federation Metadata URL"
            description="In Entra: Single sign-on → SAML Certificates. In Okta: Sign On → Metadata URL. Rollcall reads it now and daily, so certificate rollover needs no action."
            placeholder="https://login.microsoftonline.com/…/federationmetadata/2007-06/federationmetadata.xml?appid=…"
            value={values.metadataUrl}
            onChange={field('metadataUrl')}
            error={errors.metadataUrl}
            required
            autoComplete="off"
            spellCheck={false}
          />
        ) : null}
        {values.mode === 'metadata_xml' ? (
          <>
            <FileInput
              label="Metadata XML file"
              description="In Entra: SAML Certificates → Federation Metadata XML → Download."
              placeholder="Choose a file"
              accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
              onChange={readFile}
              clearable
            />
            <Textarea
              label="Metadata XML"
              description="Or paste it here. A new certificate later means uploading the metadata again."
              value={values.metadataXml}
              onChange={field('metadataXml')}
              error={errors.metadataXml}
              required
              autosize
              minRows={3}
              maxRows={10}
              spellCheck={false}
              styles={{ input: MONOSPACE_INPUT }}
            />
          </>
        ) : null}
        {values.mode === 'manual' ? (
          <>
            <TextInput
              label="Identity provider entity ID"
              description="In Entra: Microsoft Entra Identifier. In Okta: Identity Provider Issuer."
              placeholder="https://sts.windows.net/…/"
              value={values.idpEntityId}
              onChange={field('idpEntityId')}
              error={errors.idpEntityId}
              required
              autoComplete="off"
              spellCheck={false}
            />
            <TextInput
              label="Login URL"
              description="Where sign-in starts (HTTP-Redirect). In Okta: Identity Provider Single Sign-On URL."
              placeholder="https://login.microsoftonline.com/…/saml2"
              value={values.ssoUrl}
              onChange={field('ssoUrl')}
              error={errors.ssoUrl}
              required
              autoComplete="off"
              spellCheck={false}
            />
            {values.storedCertificates > 0 ? (
              <Text size="xs" c="dimmed">
                Leave the certificates empty to keep the {values.storedCertificates} stored{' '}
                {values.storedCertificates === 1 ? 'certificate' : 'certificates'}. Pasting replaces
                them: include every certificate that should still be accepted.
              </Text>
            ) : null}
            <SamlCertificateInputs
              certificates={values.certificates}
              error={errors.certificates}
              onChange={(certificates) => change({ certificates })}
            />
          </>
        ) : null}
        <Checkbox
          label="Allow SHA-1 signatures"
          description="Only for old identity providers (ADFS, PingFederate) that cannot sign with SHA-256: SHA-1 signatures can be forged."
          checked={values.allowSha1}
          onChange={(event) => change({ allowSha1: event.currentTarget.checked })}
        />
        <ProviderFormActions
          formError={formError}
          saveLabel="Save identity provider"
          saving={save.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
