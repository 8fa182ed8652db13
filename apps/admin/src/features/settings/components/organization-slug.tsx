import { Code, Group, Input, Stack } from '@mantine/core';
import { CopyAction } from '../../../components/copy-field';

/**
 * The slug is not editable, so it is not drawn as a field: text, a copy button, and why it
 * matters (sign-in links carry it, so changing it would break every link people saved).
 */
export function OrganizationSlug({ slug }: { slug: string }) {
  return (
    <Stack gap={2} role="group" aria-labelledby="organization-slug-label">
      <Input.Label id="organization-slug-label" component="span">
        Slug
      </Input.Label>
      <Group gap={4} wrap="nowrap">
        <Code fz="sm" data-testid="organization-slug">
          {slug}
        </Code>
        <CopyAction label="slug" value={slug} />
      </Group>
      <Input.Description>
        Part of your sign-in link (/login?org={slug}); fixed when the organization was created.
      </Input.Description>
    </Stack>
  );
}
