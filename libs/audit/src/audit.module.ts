import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProvisioningLogEntity } from './persistence/provisioning-log.entity';
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
  imports: [TypeOrmModule.forFeature([ProvisioningLogEntity])],
  providers: useCases,
  exports: useCases,
})
export class AuditModule {}
