import { Injectable } from '@nestjs/common';
import type { ProvisioningHealthRange } from '@rollcall/contracts';
import {
  healthWindow,
  ratio,
  zeroFilled,
  type HealthBucket,
  type HealthBucketUnit,
} from '../domain/provisioning-health';
import {
  ProvisioningHealthStore,
  type ErrorCodeCount,
} from '../persistence/provisioning-health.store';

export const TOP_ERROR_CODES = 5;

export interface ProvisioningHealth {
  range: ProvisioningHealthRange;
  unit: HealthBucketUnit;
  since: Date;
  requests: number;
  failures: number;
  failureRatio: number;
  buckets: HealthBucket[];
  topErrors: ErrorCodeCount[];
}

/**
 * Requests and failed operations of one organization per hour (24 h) or per day (30 days),
 * grouped in SQL and zero-filled here, with the most frequent errors of the range.
 */
@Injectable()
export class GetProvisioningHealth {
  constructor(private readonly health: ProvisioningHealthStore) {}

  async execute(
    organizationId: string,
    range: ProvisioningHealthRange,
    now: Date = new Date(),
  ): Promise<ProvisioningHealth> {
    const window = healthWindow(range, now);
    const since = window.starts[0] ?? now;
    const [counted, topErrors] = await Promise.all([
      this.health.countByBucket(organizationId, since, window.unit),
      this.health.topErrors(organizationId, since, TOP_ERROR_CODES),
    ]);
    const buckets = zeroFilled(
      window,
      new Map(counted.map(({ bucket, requests, failures }) => [bucket, { requests, failures }])),
    );
    const requests = buckets.reduce((sum, b) => sum + b.requests, 0);
    const failures = buckets.reduce((sum, b) => sum + b.failures, 0);
    return {
      range,
      unit: window.unit,
      since,
      requests,
      failures,
      failureRatio: ratio(failures, requests),
      buckets,
      topErrors,
    };
  }
}
