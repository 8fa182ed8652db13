import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { CreatedWebhookView, EventTypeName, WebhookEndpointView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { eventTypeOptions } from '../../../components/event-type.format';
import { useCreateWebhook } from '../api/use-create-webhook';
import { useUpdateWebhook } from '../api/use-update-webhook';
import { WebhookSecretReveal } from './webhook-secret-reveal';
import { webhookUrlError } from './webhook-url.validator';

const MAX_DESCRIPTION_LENGTH = 500;
// Developers subscribe by the names the payload carries, so the picker shows those.
const TYPE_OPTIONS = eventTypeOptions();

type Scope = 'all' | 'selected';

interface WebhookFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Absent: add an endpoint; present: edit this one. */
  endpoint?: WebhookEndpointView;
}

interface WebhookFormProps {
  endpoint?: WebhookEndpointView;
  onClose: () => void;
  onCreated: (created: CreatedWebhookView) => void;
}

function WebhookForm({ endpoint, onClose, onCreated }: WebhookFormProps) {
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [scope, setScope] = useState<Scope>(endpoint?.events ? 'selected' : 'all');
  const [events, setEvents] = useState<EventTypeName[]>(endpoint?.events ?? []);
  const [touched, setTouched] = useState(false);

  const urlError = webhookUrlError(url);
  const eventsError =
    scope === 'selected' && events.length === 0 ? 'Pick at least one event type.' : null;
  const mutation = endpoint ? update : create;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (urlError || eventsError) return;
    const fields = {
      url: url.trim(),
      description: description.trim() || null,
      events: scope === 'all' ? null : events,
    };
    if (endpoint) {
      update.mutate(
        { id: endpoint.id, changes: fields },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', title: 'Endpoint saved', message: fields.url });
            onClose();
          },
        },
      );
    } else {
      create.mutate(fields, { onSuccess: onCreated });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Endpoint URL"
          placeholder="https://example.com/webhooks/rollcall"
          description="Rollcall POSTs each event here as JSON. Answer with any 2xx within a few seconds."
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={touched ? urlError : null}
          required
          data-autofocus
          inputMode="url"
          autoComplete="off"
        />
        <TextInput
          label="Description"
          placeholder="Optional, e.g. “Billing seat sync”"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          maxLength={MAX_DESCRIPTION_LENGTH}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="webhook-events-label">
            Events
          </Text>
          <SegmentedControl
            aria-labelledby="webhook-events-label"
            value={scope}
            onChange={(value) => setScope(value as Scope)}
            data={[
              { value: 'all', label: 'All events' },
              { value: 'selected', label: 'Selected events' },
            ]}
          />
          {scope === 'all' ? (
            <Text size="xs" c="dimmed">
              Every event type, including ones added in later Rollcall versions.
            </Text>
          ) : (
            <MultiSelect
              aria-label="Event types"
              placeholder={events.length === 0 ? 'Pick event types' : undefined}
              data={TYPE_OPTIONS}
              value={events}
              onChange={(value) => setEvents(value as EventTypeName[])}
              error={touched ? eventsError : null}
              searchable
              clearable
              hidePickedOptions
              maxDropdownHeight={280}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Stack>
        {mutation.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {endpoint ? 'Save endpoint' : 'Add endpoint'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Add an endpoint (then its secret, shown once) or edit one. */
export function WebhookFormModal({ opened, onClose, endpoint }: WebhookFormModalProps) {
  const [created, setCreated] = useState<CreatedWebhookView | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        <Text fw={700}>
          {created ? 'Endpoint added' : endpoint ? 'Edit endpoint' : 'Add endpoint'}
        </Text>
      }
      centered
      size="lg"
      // The secret is on screen: closing by a stray click outside would lose it.
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            Rollcall now sends {created.events ? 'the chosen events' : 'every event'} to{' '}
            <strong>{created.url}</strong>, signed with this secret.
          </Text>
          <WebhookSecretReveal secret={created.secret} />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : opened ? (
        // Mounted per opening, so each opening starts from the endpoint's current values.
        <WebhookForm endpoint={endpoint} onClose={close} onCreated={setCreated} />
      ) : null}
    </Modal>
  );
}
