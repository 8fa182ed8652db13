import {
  Button,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { AdminAccountLinkView, OidcProviderView } from '@rollcall/contracts';
import { ApiError, errorMessage } from '../../../api/api-error';
import { CopyField } from '../../../components/copy-field';
import { formatDateTime } from '../../../components/date.format';
import { useRemoveOidcProvider } from '../api/use-remove-oidc-provider';
import { useSaveOidcProvider } from '../api/use-save-oidc-provider';
import {
  emptyOidcForm,
  fieldOfSaveError,
  toSaveOidcRequest,
  validateOidcForm,
  type OidcProviderFormErrors,
  type OidcProviderFormValues,
} from './oidc-provider-form';
import { ConnectionBadge, KeepAccountsNote, ProviderCard, ProviderDetail } from './provider-card';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { MyAccountLink } from './my-account-link';
import { ProviderFormActions } from './provider-form-actions';
import { absoluteUrl } from './absolute-url';

interface OidcProviderFormProps {
  provider: OidcProviderView | null;
  redirectUri: string;
  onDone?: () => void;
}

function OidcProviderForm({ provider, redirectUri, onDone }: OidcProviderFormProps) {
  const updating = provider !== null;
  const save = useSaveOidcProvider();
  const [values, setValues] = useState<OidcProviderFormValues>(() => emptyOidcForm(provider));
  const [errors, setErrors] = useState<OidcProviderFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const field =
    (name: keyof OidcProviderFormValues) => (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: value }));
      setErrors((current) => ({ ...current, [name]: undefined }));
    };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateOidcForm(values, updating);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    save.mutate(toSaveOidcRequest(values), {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          title: updating ? 'Provider updated' : 'Provider saved',
          message: `Members can now sign in with ${saved.displayName}.`,
        });
        setValues((current) => ({ ...current, clientSecret: '' }));
        onDone?.();
      },
      onError: (error) => {
        // Discovery failures belong to the issuer: say so next to it.
        const target = error instanceof ApiError ? fieldOfSaveError(error.code) : null;
        if (target) setErrors({ [target]: errorMessage(error) });
        else setFormError(errorMessage(error));
      },
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={updating ? 'Edit the custom OIDC provider' : 'Custom OIDC provider'}
    >
      <Stack gap="sm">
        <CopyField
          label="Redirect URI"
          value={absoluteUrl(redirectUri)}
          description="Register this as the sign-in redirect (callback) URI of the app in your provider."
        />
        <TextInput
          label="Display name"
          description="Shown on the sign-in button: Sign in with …"
          placeholder="Okta"
          value={values.displayName}
          onChange={field('displayName')}
          error={errors.displayName}
          maxLength={80}
          required
        />
        <TextInput
          label="Issuer URL"
          description="Rollcall reads its /.well-known/openid-configuration when you save."
          placeholder="https://acme.okta.com"
          value={values.issuer}
          onChange={field('issuer')}
          error={errors.issuer}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          label="Client ID"
          value={values.clientId}
          onChange={field('clientId')}
          error={errors.clientId}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <PasswordInput
          label={updating ? 'Replace client secret' : 'Client secret'}
          description={
            updating
              ? 'Leave empty to keep the stored secret.'
              : 'Stored encrypted; Rollcall never shows it again.'
          }
          value={values.clientSecret}
          onChange={field('clientSecret')}
          error={errors.clientSecret}
          required={!updating}
          autoComplete="new-password"
        />
        <ProviderFormActions
          formError={formError}
          saveLabel="Save provider"
          saving={save.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function SavedProvider({
  provider,
  myLink,
  onEdit,
}: {
  provider: OidcProviderView;
  myLink: AdminAccountLinkView | null;
  onEdit: () => void;
}) {
  const remove = useRemoveOidcProvider();

  const confirmRemove = () =>
    confirmDestructive({
      title: <>Remove {provider.displayName}?</>,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            Sign in with {provider.displayName} stops working at once, and its client secret is
            deleted from Rollcall.
          </Text>
          <KeepAccountsNote />
        </Stack>
      ),
      confirmLabel: 'Remove provider',
      action: (callbacks) => remove.mutate(undefined, callbacks),
      success: {
        title: 'Provider removed',
        message: `Sign in with ${provider.displayName} no longer works.`,
      },
      failureTitle: 'Could not remove the provider',
    });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <ProviderDetail label="Display name">{provider.displayName}</ProviderDetail>
        <ProviderDetail label="Client ID" monospace>
          {provider.clientId}
        </ProviderDetail>
        <ProviderDetail label="Issuer" monospace>
          {provider.issuer}
        </ProviderDetail>
        <ProviderDetail label="Last saved">
          {formatDateTime(provider.updatedAt)} by {provider.updatedBy}
        </ProviderDetail>
      </SimpleGrid>
      <CopyField
        label="Sign-in link"
        value={absoluteUrl(provider.signInUrl)}
        description={`Share it with your members, or add it to your provider's app dashboard: it starts Sign in with ${provider.displayName} for your organization.`}
      />
      <CopyField
        label="Redirect URI"
        value={absoluteUrl(provider.redirectUri)}
        description="Registered in your provider as the app's redirect (callback) URI."
      />
      <MyAccountLink provider="oidc" providerName={provider.displayName} link={myLink} />
      <Group gap="sm">
        <Button variant="light" onClick={onEdit}>
          Edit provider
        </Button>
        <Button variant="light" color="red" onClick={confirmRemove} loading={remove.isPending}>
          Remove provider
        </Button>
      </Group>
    </Stack>
  );
}

/** Any OpenID Connect provider: issuer, client ID and secret, checked by discovery on save. */
export function CustomOidcCard({
  provider,
  redirectUri,
  myLink,
}: {
  provider: OidcProviderView | null;
  redirectUri: string;
  myLink: AdminAccountLinkView | null;
}) {
  const [editing, setEditing] = useState(false);

  return (
    <ProviderCard
      name="Custom OIDC"
      icon={
        <ThemeIcon variant="default" size={36} radius="md" aria-hidden>
          <IconKey size={18} />
        </ThemeIcon>
      }
      badge={<ConnectionBadge connected={provider !== null} />}
      description="Any standards-compliant OpenID Connect provider (Okta, Google Workspace, Keycloak…): create an app there with the redirect URI below, then paste its issuer URL, client ID and client secret."
    >
      {provider === null ? (
        <OidcProviderForm provider={null} redirectUri={redirectUri} />
      ) : editing ? (
        <OidcProviderForm
          key={provider.updatedAt}
          provider={provider}
          redirectUri={redirectUri}
          onDone={() => setEditing(false)}
        />
      ) : (
        <SavedProvider provider={provider} myLink={myLink} onEdit={() => setEditing(true)} />
      )}
    </ProviderCard>
  );
}
