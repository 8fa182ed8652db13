import {
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ENTRA_QUARANTINE_FAILURE_RATIO, type ProvisioningHealthRange } from '@rollcall/contracts';
import { formatDateTime, formatRelative } from '../../../components/date.format';
import { ErrorState } from '../../../components/query-state';
import { useProvisioningHealth } from '../api/use-provisioning-health';
import { useProvisioningSummary } from '../api/use-provisioning-summary';
import { ProvisioningHealthChart, ProvisioningHealthErrors } from './provisioning-health-chart';
import { quarantineRisk } from './quarantine-risk';

const WINDOWS: { value: ProvisioningHealthRange; label: string; hours: number }[] = [
  { value: '24h', label: '24 h', hours: 24 },
  { value: '30d', label: '30 days', hours: 720 },
];

function isRange(value: string): value is ProvisioningHealthRange {
  return WINDOWS.some((w) => w.value === value);
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </div>
  );
}

/** Last activity, failures, and how close our failure ratio is to Entra's quarantine rule. */
export function ProvisioningHealth({ enabled }: { enabled: boolean }) {
  const [range, setRange] = useState<ProvisioningHealthRange>('24h');
  const summary = useProvisioningSummary(WINDOWS.find((w) => w.value === range)?.hours ?? 24);
  const health = useProvisioningHealth(range);

  return (
    <Card withBorder radius="md" p="lg" component="section" aria-label="Provisioning health">
      <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
        <Title order={2} fz="lg">
          Provisioning health
        </Title>
        <SegmentedControl
          size="xs"
          value={range}
          onChange={(value) => {
            if (isRange(value)) setRange(value);
          }}
          data={WINDOWS.map(({ value, label }) => ({ value, label }))}
          aria-label="Period"
        />
      </Group>
      {summary.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : summary.isError ? (
        <ErrorState error={summary.error} title="Could not load the summary" />
      ) : (
        (() => {
          const data = summary.data;
          const risk = quarantineRisk(data);
          return (
            <Stack gap="md">
              <SimpleGrid cols={3} spacing="sm">
                <Stat
                  label="Last activity"
                  value={data.lastRequestAt ? formatRelative(data.lastRequestAt) : 'None'}
                  hint={
                    data.lastRequestAt
                      ? formatDateTime(data.lastRequestAt)
                      : enabled
                        ? 'Waiting for Entra'
                        : 'Provisioning is off'
                  }
                />
                <Stat label="Requests" value={data.total.toLocaleString('en-US')} />
                <Stat
                  label="Errors"
                  value={data.failed.toLocaleString('en-US')}
                  hint={
                    data.lastFailureAt ? `last ${formatRelative(data.lastFailureAt)}` : undefined
                  }
                />
              </SimpleGrid>
              <div>
                <Group justify="space-between" mb={6}>
                  <Text size="sm" fw={600}>
                    Quarantine risk
                  </Text>
                  <Badge
                    color={risk.color}
                    variant="light"
                    tt="none"
                    aria-label={`Quarantine risk: ${risk.label}`}
                  >
                    {risk.label}
                  </Badge>
                </Group>
                <Tooltip
                  label={`Failure ratio ${(data.failureRatio * 100).toFixed(1)} % of Entra's ${ENTRA_QUARANTINE_FAILURE_RATIO * 100} % threshold`}
                  withArrow
                >
                  <Progress
                    value={risk.shareOfThreshold * 100}
                    color={risk.color}
                    size="lg"
                    radius="xl"
                    aria-label="Failure ratio against Entra's 40 % quarantine threshold"
                  />
                </Tooltip>
                <Group justify="space-between" mt={4}>
                  <Text size="xs" c="dimmed">
                    0 %
                  </Text>
                  <Text size="xs" c="dimmed">
                    {ENTRA_QUARANTINE_FAILURE_RATIO * 100} % failed: Entra&apos;s threshold
                  </Text>
                </Group>
                <Text size="sm" mt="xs">
                  {risk.explanation}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  Entra quarantines an app when, past 5,000 failures, more than 40 % of its requests
                  fail; it then syncs only once a day.
                </Text>
              </div>
              {health.isError ? (
                <ErrorState error={health.error} title="Could not load the chart" />
              ) : health.data && health.data.requests > 0 ? (
                <>
                  <ProvisioningHealthChart view={health.data} />
                  <ProvisioningHealthErrors view={health.data} />
                </>
              ) : health.data ? (
                <Text size="sm" c="dimmed" data-testid="provisioning-health-empty">
                  No SCIM requests in this period, so there is nothing to chart yet.
                </Text>
              ) : null}
              {Object.keys(data.byStatus).length > 0 ? (
                <Group gap={6} aria-label="Requests by status">
                  {Object.entries(data.byStatus).map(([status, count]) => (
                    <Badge
                      key={status}
                      variant="outline"
                      color={Number(status) >= 400 ? 'red' : 'gray'}
                      tt="none"
                    >
                      {status}: {count.toLocaleString('en-US')}
                    </Badge>
                  ))}
                </Group>
              ) : null}
              <Group gap="md">
                {data.failed > 0 ? (
                  <Anchor component={Link} to="/provisioning-log?status=failed" size="sm" fw={600}>
                    View failing requests
                  </Anchor>
                ) : null}
                <Anchor component={Link} to="/provisioning-log" size="sm">
                  Open the provisioning log
                </Anchor>
              </Group>
            </Stack>
          );
        })()
      )}
    </Card>
  );
}
