export { AuditModule } from './audit.module';
export type { ProvisioningLogEntry } from './domain/provisioning-log-entry';
export type { ProvisioningRequest } from './domain/provisioning-request';
export { redactRequestBody } from './domain/request-body.redactor';
export type { ProvisioningLogQueueStats } from './persistence/provisioning-log.queue';
export type { HealthBucket, HealthBucketUnit } from './domain/provisioning-health';
export type { ErrorCodeCount } from './persistence/provisioning-health.store';
export { ExportProvisioningLog } from './use-cases/export-provisioning-log.use-case';
export type { ProvisioningLogExportQuery } from './use-cases/export-provisioning-log.use-case';
export { GetProvisioningHealth } from './use-cases/get-provisioning-health.use-case';
export type { ProvisioningHealth } from './use-cases/get-provisioning-health.use-case';
export { ListProvisioningLog } from './use-cases/list-provisioning-log.use-case';
export type {
  ProvisioningLogPage,
  ProvisioningLogQuery,
} from './use-cases/list-provisioning-log.use-case';
export {
  PROVISIONING_LOG_MAX_ROWS,
  PROVISIONING_LOG_RETENTION_DAYS,
  PurgeProvisioningLog,
} from './use-cases/purge-provisioning-log.use-case';
export { RecordProvisioningRequest } from './use-cases/record-provisioning-request.use-case';
export type { ProvisioningLogStats } from './use-cases/record-provisioning-request.use-case';
export { SummarizeProvisioningLog } from './use-cases/summarize-provisioning-log.use-case';
export type { ProvisioningLogSummary } from './use-cases/summarize-provisioning-log.use-case';
