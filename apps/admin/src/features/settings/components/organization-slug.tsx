import { Code, Group, Stack, Text } from '@mantine/core';
import { CopyAction } from '../../../components/copy-field';

/**
 * The slug is not editable, so it is not drawn as a field: text, a copy button, and why it
 * matters (sign-in links carry it, so changing it would break every link people saved).
 */
export function OrganizationSlug({ slug }: { slug: string }) {
  return (
    <Stack gap={4} role="group" aria-labelledby="organization-slug-label">
      <Text id="organization-slug-label" size="sm" fw={500}>
        Slug
      </Text>
      <Group gap={4} wrap="nowrap">
        <Code fz="sm" data-testid="organization-slug">
          {slug}
        </Code>
        <CopyAction label="slug" value={slug} />
      </Group>
      <Text size="xs" c="dimmed">
        Part of your sign-in link (/login?org={slug}); fixed when the organization was created.
      </Text>
    </Stack>
  );
}
