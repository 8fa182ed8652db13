import { Module } from '@nestjs/common';
import { ProvisioningHealthStore } from './persistence/provisioning-health.store';
import { ProvisioningLogStore } from './persistence/provisioning-log.store';
import { ExportProvisioningLog } from './use-cases/export-provisioning-log.use-case';
import { GetProvisioningHealth } from './use-cases/get-provisioning-health.use-case';
import { ListProvisioningLog } from './use-cases/list-provisioning-log.use-case';
import { PurgeProvisioningLog } from './use-cases/purge-provisioning-log.use-case';
import { RecordProvisioningRequest } from './use-cases/record-provisioning-request.use-case';
import { SummarizeProvisioningLog } from './use-cases/summarize-provisioning-log.use-case';

const useCases = [
  RecordProvisioningRequest,
  ListProvisioningLog,
  PurgeProvisioningLog,
  SummarizeProvisioningLog,
  GetProvisioningHealth,
  ExportProvisioningLog,
];

@Module({
  providers: [ProvisioningLogStore, ProvisioningHealthStore, ...useCases],
  exports: useCases,
})
export class AuditModule {}
