import { Button, Card, Collapse, Group, List, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';

interface SetupGuideProps {
  title: string;
  /** Where in the identity provider, and with which role. */
  intro: string;
  /** The steps, as `List.Item`s, in the order the identity provider's screens come. */
  children: ReactNode;
  defaultOpened?: boolean;
}

/** Steps at an identity provider, with the values to paste; folded until asked for. */
export function SetupGuide({ title, intro, children, defaultOpened = false }: SetupGuideProps) {
  const [opened, setOpened] = useState(defaultOpened);
  const id = useId();
  return (
    <Card withBorder radius="md" p="lg" component="section" aria-labelledby={`${id}-title`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} fz="md" id={`${id}-title`}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {intro}
          </Text>
        </div>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setOpened((current) => !current)}
          aria-expanded={opened}
          aria-controls={`${id}-steps`}
          rightSection={opened ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          style={{ flexShrink: 0 }}
        >
          {opened ? 'Hide steps' : 'Show steps'}
        </Button>
      </Group>
      <Collapse expanded={opened} id={`${id}-steps`}>
        <List type="ordered" spacing="sm" size="sm" mt="md">
          {children}
        </List>
      </Collapse>
    </Card>
  );
}
