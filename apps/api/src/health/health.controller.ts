import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { DatabaseAvailability } from './database-availability';

/** A database that cannot answer `SELECT 1` in this long is not ready to serve requests. */
const PING_TIMEOUT_MS = 2_000;

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly availability: DatabaseAvailability,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness and database readiness',
    description:
      '503 when the database does not answer `SELECT 1` within 2 s, or when requests keep ' +
      'failing for want of a usable database (timeouts, lost connections).',
  })
  check() {
    return this.health.check([() => this.database()]);
  }

  private async database() {
    const indicator = this.indicators.check('database');
    try {
      await this.ping();
    } catch (error) {
      const reason = error instanceof PingTimeout ? 'no answer in time' : 'unreachable';
      return indicator.down({ message: `The database is ${reason}.` });
    }
    if (this.availability.troubled()) {
      return indicator.down({ message: 'Requests are failing with database timeouts.' });
    }
    return indicator.up();
  }

  private async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PingTimeout()), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

class PingTimeout extends Error {}
