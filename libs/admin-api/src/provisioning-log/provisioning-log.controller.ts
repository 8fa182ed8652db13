import { Readable } from 'node:stream';
import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { PROVISIONING_LOG_CSV_MAX_ROWS } from '@rollcall/contracts';
import {
  ExportProvisioningLog,
  GetProvisioningHealth,
  ListProvisioningLog,
  SummarizeProvisioningLog,
  type ProvisioningLogExportQuery,
} from '@rollcall/audit';
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
import {
  ProvisioningHealthDto,
  ProvisioningHealthQueryDto,
  toProvisioningHealthDto,
} from './provisioning-health.dto';
import { PROVISIONING_LOG_CSV_HEADER, provisioningLogCsvLine } from './provisioning-log.csv';

const HOUR_MS = 3_600_000;

/** Every SCIM request made with the organization's tokens: the first place to look when Entra reports a failure. */
@ApiTags('Admin: provisioning log')
// `api` and not `api/provisioning-log`: the CSV export is `/api/provisioning-log.csv`.
@Controller('api')
@AdminRoutes()
@AcceptsApiKeys()
export class ProvisioningLogController {
  constructor(
    private readonly listProvisioningLog: ListProvisioningLog,
    private readonly summarizeProvisioningLog: SummarizeProvisioningLog,
    private readonly getProvisioningHealth: GetProvisioningHealth,
    private readonly exportProvisioningLog: ExportProvisioningLog,
  ) {}

  @Get('provisioning-log')
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

  @Get('provisioning-log/summary')
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

  @Get('provisioning-log/health')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Requests and failures per hour (24h) or per day (30d), with the top errors',
    description:
      'Buckets are UTC, oldest first, zero-filled. A failure is a failed operation as Entra counts it: a 5xx, or a 4xx other than a 404 answered to a GET (Entra reads an object by id before it updates it; that 404 is matching, not a failure). Grouped in the database.',
  })
  @ApiOkResponse({ type: ProvisioningHealthDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '`range` is not 24h or 30d.' })
  async health(
    @CurrentCaller() admin: Caller,
    @Query(adminQueryPipe()) query: ProvisioningHealthQueryDto,
  ): Promise<ProvisioningHealthDto> {
    const health = await this.getProvisioningHealth.execute(
      admin.organizationId,
      query.range ?? '24h',
    );
    return toProvisioningHealthDto(health);
  }

  @Get('provisioning-log.csv')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The filtered log as CSV, newest first',
    description: `The same filters as \`GET /api/provisioning-log\` (\`limit\` and \`cursor\` are ignored): every matching entry, streamed, at most ${PROVISIONING_LOG_CSV_MAX_ROWS.toLocaleString('en-US')} rows. Request bodies are not included. Cells that a spreadsheet would run as a formula start with \`'\`.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (RFC 4180), UTF-8, CRLF line ends, a header row.' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'A filter is not valid.' })
  exportCsv(
    @CurrentCaller() admin: Caller,
    @Query(adminQueryPipe()) query: ProvisioningLogQueryDto,
  ): StreamableFile {
    // Validated above, before the first byte goes out; then streamed a keyset batch at a time,
    // so a 50,000-row export never holds more than one batch.
    const { limit: _limit, cursor: _cursor, ...filters } = toProvisioningLogQuery(query);
    const batches = this.exportProvisioningLog.execute(
      admin.organizationId,
      filters satisfies ProvisioningLogExportQuery,
      PROVISIONING_LOG_CSV_MAX_ROWS,
    );
    async function* lines(): AsyncGenerator<string> {
      yield `${PROVISIONING_LOG_CSV_HEADER}\r\n`;
      for await (const batch of batches) yield batch.map(provisioningLogCsvLine).join('');
    }
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(Readable.from(lines()), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="rollcall-provisioning-log-${day}.csv"`,
    });
  }
}
