import {
  ENTRA_QUARANTINE_FAILURE_RATIO,
  ENTRA_QUARANTINE_MIN_FAILURES,
  type ProvisioningLogSummaryView,
} from '@rollcall/contracts';

export type QuarantineRiskLevel = 'idle' | 'healthy' | 'elevated' | 'at-risk' | 'quarantine';

export interface QuarantineRisk {
  level: QuarantineRiskLevel;
  label: string;
  color: string;
  explanation: string;
  /** The failure ratio as a share of Entra's 40 % threshold, 0..1 (for a gauge). */
  shareOfThreshold: number;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.1 && ratio > 0 ? 1 : 0)} %`;

/**
 * Entra quarantines an app when, past 5,000 failed requests, more than 40 % of its requests
 * fail; then it slows syncs to once a day and, after four weeks, stops. We cannot see
 * Entra's own counters, so we judge by ours over the same requests.
 */
export function quarantineRisk(summary: ProvisioningLogSummaryView): QuarantineRisk {
  const { total, failed, failureRatio } = summary;
  const shareOfThreshold = Math.min(1, failureRatio / ENTRA_QUARANTINE_FAILURE_RATIO);
  const threshold = percent(ENTRA_QUARANTINE_FAILURE_RATIO);
  if (total === 0) {
    return {
      level: 'idle',
      label: 'No requests yet',
      color: 'gray',
      explanation: 'Entra has not called the SCIM API in this period.',
      shareOfThreshold: 0,
    };
  }
  const ratioText = `${percent(failureRatio)} of requests failed (${failed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')})`;
  if (failureRatio > ENTRA_QUARANTINE_FAILURE_RATIO && failed >= ENTRA_QUARANTINE_MIN_FAILURES) {
    return {
      level: 'quarantine',
      label: 'Quarantine likely',
      color: 'red',
      explanation: `${ratioText}: above Entra's ${threshold} with more than ${ENTRA_QUARANTINE_MIN_FAILURES.toLocaleString('en-US')} failures. Entra has probably quarantined the app; fix the errors, then restart provisioning in Entra.`,
      shareOfThreshold,
    };
  }
  if (failureRatio > ENTRA_QUARANTINE_FAILURE_RATIO) {
    return {
      level: 'at-risk',
      label: 'At risk',
      color: 'orange',
      explanation: `${ratioText}: above Entra's ${threshold}. Entra quarantines the app once failures pass ${ENTRA_QUARANTINE_MIN_FAILURES.toLocaleString('en-US')} at this rate.`,
      shareOfThreshold,
    };
  }
  if (failureRatio >= ENTRA_QUARANTINE_FAILURE_RATIO / 2) {
    return {
      level: 'elevated',
      label: 'Elevated failures',
      color: 'yellow',
      explanation: `${ratioText}: below Entra's ${threshold} quarantine threshold, but worth a look.`,
      shareOfThreshold,
    };
  }
  return {
    level: 'healthy',
    label: 'Healthy',
    color: 'teal',
    explanation: `${ratioText}: well below Entra's ${threshold} quarantine threshold.`,
    shareOfThreshold,
  };
}
