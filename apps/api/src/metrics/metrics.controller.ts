import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Inject, Req, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { MetricsScrape } from './metrics-scrape';

// Hashed first so the comparison takes the same time whatever the lengths.
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Prometheus scrape endpoint. Open by default (bind it to a private network); with
 * METRICS_TOKEN set it answers only `Authorization: Bearer <METRICS_TOKEN>`, checked before a
 * cluster worker asks the others for theirs.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer | undefined;

  constructor(
    private readonly scrapes: MetricsScrape,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.expected = config.metricsToken ? digest(config.metricsToken) : undefined;
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Req() request: Request): Promise<string> {
    if (this.expected && !this.authorized(request.get('authorization'))) {
      throw new UnauthorizedException('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.');
    }
    return this.scrapes.text();
  }

  private authorized(header: string | undefined): boolean {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const presented = match?.[1];
    if (!presented || !this.expected) return false;
    return timingSafeEqual(digest(presented), this.expected);
  }
}
