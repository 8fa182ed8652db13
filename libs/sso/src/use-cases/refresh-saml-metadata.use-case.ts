import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BACKGROUND_JOBS, Transactions } from '@rollcall/db';
import { sameIdpSettings } from '../domain/saml-connection';
import { SsoError } from '../domain/sso.error';
import { SamlConnectionStore } from '../persistence/saml-connection.store';
import { SamlIdpSettingsReader } from '../saml-sp/saml-idp-settings.reader';

/** Metadata URLs are re-read once a day: Entra adds a new certificate well before it switches. */
export const SAML_METADATA_REFRESH_MS = 24 * 60 * 60_000;
const CHECK_EVERY_MS = 60 * 60_000;
const BATCH = 50;

/**
 * Re-reads every connection's App Federation Metadata URL once a day, so an IdP's certificate
 * rollover needs no action: the new certificates replace the stored ones (with an
 * `sso.connected` event). A failed read keeps the stored settings in use and shows the admin
 * why. Idempotent, so every replica may run it.
 */
@Injectable()
export class RefreshSamlMetadata implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SamlMetadata');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transactions: Transactions,
    private readonly connections: SamlConnectionStore,
    private readonly reader: SamlIdpSettingsReader,
    @Optional() @Inject(BACKGROUND_JOBS) private readonly scheduled = true,
  ) {}

  onModuleInit(): void {
    if (!this.scheduled) return;
    this.timer = setInterval(() => {
      this.execute().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Re-reading SAML metadata failed; will retry'),
      );
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Re-reads the connections last read more than a day before `now`; how many it read. */
  async execute(now: Date = new Date()): Promise<number> {
    const due = await this.connections.dueForRefresh(
      new Date(now.getTime() - SAML_METADATA_REFRESH_MS),
      BATCH,
    );
    for (const connection of due) {
      const metadataUrl = connection.metadataUrl;
      if (!metadataUrl) continue;
      try {
        const settings = await this.reader.read({ kind: 'metadata_url', metadataUrl });
        const changed = !sameIdpSettings(connection, settings);
        await this.transactions.run((tx) =>
          this.connections.recordRefresh(tx, connection, settings, changed, now),
        );
      } catch (error) {
        if (!(error instanceof SsoError)) throw error;
        await this.connections.recordRefreshFailure(connection.id, error.message, now);
      }
    }
    return due.length;
  }
}
