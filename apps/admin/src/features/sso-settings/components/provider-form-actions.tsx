import { Alert, Button, Group } from '@mantine/core';

interface ProviderFormActionsProps {
  /** A refusal that belongs to no single field. */
  formError: string | null;
  saveLabel: string;
  saving: boolean;
  /** Editing a saved provider: Cancel goes back to its details. */
  onCancel?: () => void;
}

/** The end of a provider form (custom OIDC, SAML): its error, Save and, when editing, Cancel. */
export function ProviderFormActions({
  formError,
  saveLabel,
  saving,
  onCancel,
}: ProviderFormActionsProps) {
  return (
    <>
      {formError ? (
        <Alert color="red" variant="light" role="alert">
          {formError}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button type="submit" loading={saving}>
          {saveLabel}
        </Button>
        {onCancel ? (
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        ) : null}
      </Group>
    </>
  );
}
