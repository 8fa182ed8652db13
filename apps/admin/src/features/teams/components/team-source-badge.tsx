import { Badge, Tooltip } from '@mantine/core';
import { IconBrandAzure } from '@tabler/icons-react';
import type { TeamSource } from '@rollcall/contracts';

export function TeamSourceBadge({ source }: { source: TeamSource }) {
  if (source === 'scim') {
    return (
      <Tooltip
        label="Provisioned from a Microsoft Entra ID group: Microsoft Entra ID manages its name and members."
        withArrow
        multiline
        w={260}
      >
        <Badge variant="light" color="blue" leftSection={<IconBrandAzure size={12} />} tt="none">
          Managed by Microsoft Entra ID
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge variant="light" color="gray" tt="none">
      Manual
    </Badge>
  );
}
