import { Anchor, Button, Collapse, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { organizationSlugFromInput } from './organization-slug.format';

interface SsoLookupProps {
  opened: boolean;
  onToggle: () => void;
}

/** "Use single sign-on": find the organization's own sign-in page by its sign-in name. */
export function SsoLookup({ opened, onToggle }: SsoLookupProps) {
  const navigate = useNavigate();
  const [organization, setOrganization] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const slug = organizationSlugFromInput(organization);
    if (!slug) {
      setInvalid(true);
      return;
    }
    void navigate(`/sign-in?org=${encodeURIComponent(slug)}`);
  };

  return (
    <Stack gap="xs">
      <Group justify="center">
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={onToggle}
          aria-expanded={opened}
          aria-controls="sso-lookup"
        >
          Use single sign-on
        </Anchor>
      </Group>
      <Collapse expanded={opened}>
        <form id="sso-lookup" onSubmit={submit} aria-label="Use single sign-on" noValidate>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              label="Organization"
              description="Its sign-in name, as in your organization's sign-in link."
              placeholder="acme"
              value={organization}
              onChange={(event) => {
                setOrganization(event.currentTarget.value);
                setInvalid(false);
              }}
              error={invalid ? 'Enter your organization.' : undefined}
              autoComplete="organization"
              spellCheck={false}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default" mt={46}>
              Continue
            </Button>
          </Group>
        </form>
      </Collapse>
    </Stack>
  );
}
