import { BarChart, LineChart } from '@mantine/charts';
import { Box, Table, Text } from '@mantine/core';
import type { ProvisioningHealthView } from '@rollcall/contracts';
import { formatDateTime } from '../../../components/date.format';
import {
  errorCodeLabel,
  healthChartPoints,
  healthSummary,
} from './provisioning-health-chart.format';

const SERIES = [
  { name: 'requests', label: 'Requests', color: 'blue.6' },
  { name: 'failures', label: 'Failures', color: 'red.6' },
];

/**
 * Requests and failures per bucket, the failure ratio against Entra's quarantine line, and the
 * same numbers as a sentence and a table (the charts themselves are hidden from screen readers).
 */
export function ProvisioningHealthChart({ view }: { view: ProvisioningHealthView }) {
  const points = healthChartPoints(view);
  const threshold = Math.round(view.quarantineThreshold * 100);
  const unit = view.bucket === 'hour' ? 'Hour' : 'Day';
  return (
    <Box>
      <Text size="sm" mb="xs" data-testid="provisioning-health-summary">
        {healthSummary(view)}
      </Text>
      <Box aria-hidden data-testid="provisioning-health-requests-chart">
        <BarChart
          h={180}
          data={points}
          dataKey="label"
          series={SERIES}
          withLegend
          tickLine="y"
          gridAxis="y"
          minBarSize={0}
          // Hidden from assistive technology (the summary and table carry the numbers), so the
          // SVG must not take keyboard focus either.
          barChartProps={{ accessibilityLayer: false }}
          yAxisProps={{ allowDecimals: false, width: 40 }}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
        />
      </Box>
      <Text size="xs" c="dimmed" mt="sm" mb={4}>
        Failure ratio per {unit.toLowerCase()}
      </Text>
      <Box aria-hidden data-testid="provisioning-health-ratio-chart">
        <LineChart
          h={150}
          data={points}
          dataKey="label"
          series={[{ name: 'failurePercent', label: 'Failed', color: 'orange.6' }]}
          curveType="linear"
          lineChartProps={{ accessibilityLayer: false }}
          unit=" %"
          tickLine="y"
          gridAxis="y"
          yAxisProps={{ domain: [0, 100], width: 60 }}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
          referenceLines={[
            {
              y: threshold,
              color: 'red.7',
              label: 'Entra quarantine threshold',
              labelPosition: 'insideTopRight',
              strokeDasharray: '4 4',
            },
          ]}
        />
      </Box>
      <details>
        <summary>
          <Text span size="sm">
            Show the numbers as a table
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={360} mah={280}>
          <Table fz="sm" aria-label={`Requests and failures per ${unit.toLowerCase()}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{unit} starting</Table.Th>
                <Table.Th ta="right">Requests</Table.Th>
                <Table.Th ta="right">Failures</Table.Th>
                <Table.Th ta="right">Failed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={p.start}>
                  <Table.Td>{formatDateTime(p.start)}</Table.Td>
                  <Table.Td ta="right">{p.requests}</Table.Td>
                  <Table.Td ta="right">{p.failures}</Table.Td>
                  <Table.Td ta="right">{p.failurePercent} %</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
      <Text size="xs" c="dimmed" mt="xs">
        A failure is a 5xx, or a 4xx other than a 404 to a read: Entra reads a user or group by id
        before updating it, and a 404 there only tells it to create the object. Entra quarantines
        the app above {threshold} % failed.
      </Text>
    </Box>
  );
}

/** The most frequent errors of the range. */
export function ProvisioningHealthErrors({ view }: { view: ProvisioningHealthView }) {
  if (view.topErrors.length === 0) return null;
  return (
    <Table fz="sm" aria-label="Most frequent errors" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Error</Table.Th>
          <Table.Th ta="right">Requests</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {view.topErrors.map((error) => (
          <Table.Tr key={errorCodeLabel(error)}>
            <Table.Td ff="monospace">{errorCodeLabel(error)}</Table.Td>
            <Table.Td ta="right">{error.count.toLocaleString('en-US')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
