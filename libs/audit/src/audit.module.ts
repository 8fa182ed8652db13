import { Module } from '@nestjs/common';
import { ProvisioningLogStore } from './persistence/provisioning-log.store';
import { ListProvisioningLog } from './use-cases/list-provisioning-log.use-case';
import { PurgeProvisioningLog } from './use-cases/purge-provisioning-log.use-case';
import { RecordProvisioningRequest } from './use-cases/record-provisioning-request.use-case';
import { SummarizeProvisioningLog } from './use-cases/summarize-provisioning-log.use-case';

const useCases = [
  RecordProvisioningRequest,
  ListProvisioningLog,
  PurgeProvisioningLog,
  SummarizeProvisioningLog,
];

@Module({
  providers: [ProvisioningLogStore, ...useCases],
  exports: useCases,
})
export class AuditModule {}
