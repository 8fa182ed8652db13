import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListProvisioningLog, SummarizeProvisioningLog } from '@rollcall/audit';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminQueryPipe } from '../http/admin-query.pipe';
import { AdminRoutes } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  ProvisioningLogPageDto,
  ProvisioningLogQueryDto,
  ProvisioningLogSummaryDto,
  ProvisioningLogSummaryQueryDto,
  toProvisioningLogEntryDto,
  toProvisioningLogQuery,
  toProvisioningLogSummaryDto,
} from './provisioning-log.dto';

const HOUR_MS = 3_600_000;

/** Every SCIM request made with the organization's tokens: the first place to look when Entra reports a failure. */
@ApiTags('Admin: provisioning log')
@Controller('api/provisioning-log')
@AdminRoutes()
@AcceptsApiKeys()
export class ProvisioningLogController {
  constructor(
    private readonly listProvisioningLog: ListProvisioningLog,
    private readonly summarizeProvisioningLog: SummarizeProvisioningLog,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'SCIM requests, newest first',
    description:
      'Keyset-paged: pass `nextCursor` back as `cursor` (with the same filters) for the next page. Entries are written within a second of the request.',
  })
  @ApiOkResponse({ type: ProvisioningLogPageDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'A filter is not valid.' })
  async list(
    @CurrentCaller() admin: Caller,
    @Query(adminQueryPipe()) query: ProvisioningLogQueryDto,
  ): Promise<ProvisioningLogPageDto> {
    const page = await this.listProvisioningLog.execute(
      admin.organizationId,
      toProvisioningLogQuery(query),
    );
    return { entries: page.entries.map(toProvisioningLogEntryDto), nextCursor: page.nextCursor };
  }

  @Get('summary')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Request and failure counts of the last hours',
    description:
      'For the quarantine-risk indicator: Entra quarantines an app when, past 5,000 failures, more than 40 % of its requests fail.',
  })
  @ApiOkResponse({ type: ProvisioningLogSummaryDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '`hours` is out of range.' })
  async summary(
    @CurrentCaller() admin: Caller,
    @Query(adminQueryPipe()) query: ProvisioningLogSummaryQueryDto,
  ): Promise<ProvisioningLogSummaryDto> {
    const hours = query.hours ?? 24;
    const since = new Date(Date.now() - hours * HOUR_MS);
    const summary = await this.summarizeProvisioningLog.execute(admin.organizationId, since);
    return toProvisioningLogSummaryDto(hours, summary);
  }
}
