import { StartupQuietLogger } from './startup-quiet.logger';

describe('StartupQuietLogger', () => {
  function recorder() {
    const calls: [string, unknown, unknown][] = [];
    const record =
      (level: string) =>
      (message: unknown, ...rest: unknown[]) =>
        calls.push([level, message, rest[rest.length - 1]]);
    return {
      calls,
      inner: {
        log: record('log'),
        error: record('error'),
        warn: record('warn'),
        debug: record('debug'),
        verbose: record('verbose'),
      },
    };
  }

  it("moves Nest's module and route announcements to debug", () => {
    const { calls, inner } = recorder();
    const logger = new StartupQuietLogger(inner);
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/scim/v2/Users, GET} route', 'RouterExplorer');
    logger.log('UsersController {/scim/v2/Users}:', 'RoutesResolver');
    logger.log('Nest application successfully started', 'NestApplication');
    expect(calls.map(([level]) => level)).toEqual(['debug', 'debug', 'debug', 'debug']);
  });

  it('passes everything else through at its own level', () => {
    const { calls, inner } = recorder();
    const logger = new StartupQuietLogger(inner);
    logger.log('Rollcall listening on http://localhost:3000');
    logger.log('purged 3 sessions', 'PurgeExpiredAdminSessions');
    logger.warn('slow', 'Http');
    logger.error('boom', 'Http');
    expect(calls.map(([level, message]) => [level, message])).toEqual([
      ['log', 'Rollcall listening on http://localhost:3000'],
      ['log', 'purged 3 sessions'],
      ['warn', 'slow'],
      ['error', 'boom'],
    ]);
  });
});
