import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SecretBox } from '@rollcall/crypto';
import { Transactions } from '@rollcall/db';
import { nextRetryAt } from '../domain/webhook-retry.schedule';
import { webhookSignature } from '../domain/webhook.secret';
import {
  WebhookClaimStore,
  type AttemptOutcome,
  type ClaimedDelivery,
} from '../persistence/webhook-claim.store';
import { WebhookFanOutStore } from '../persistence/webhook-fan-out.store';
import { WEBHOOK_DELIVERY_OPTIONS, type WebhookDeliveryOptions } from '../webhooks.options';
import { WebhookDeliveryStats } from './webhook-delivery.stats';
import { WebhookSender, attemptOutcomeOf, type SendResult } from './webhook.sender';

/** Attempts one process makes at a time; a slow receiver holds one of them at most this long. */
const MAX_IN_FLIGHT = 16;
/** Events fanned out to one endpoint per transaction. */
const FAN_OUT_BATCH = 500;
/** Endpoints fanned out per round. */
const FAN_OUT_ENDPOINTS = 50;
/**
 * A lease outlives the attempt's time cap by this much, for recording its outcome: the lease
 * of a worker that died mid-attempt runs out and another (or the restarted one) retries.
 */
const LEASE_MARGIN_MS = 5_000;

/**
 * Delivers webhooks from every API process (not only the one running the purges): fans new
 * events out to endpoints, claims due deliveries with a lease (on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so replicas never make the same attempt), POSTs them outside any
 * transaction, and records each attempt. At least once: a crash mid-attempt means a retry.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopping = false;
  private wakeRequested = false;
  private failures = 0;

  constructor(
    private readonly transactions: Transactions,
    private readonly fanOuts: WebhookFanOutStore,
    private readonly claims: WebhookClaimStore,
    private readonly secretBox: SecretBox,
    private readonly sender: WebhookSender,
    private readonly stats: WebhookDeliveryStats,
    @Inject(WEBHOOK_DELIVERY_OPTIONS) private readonly options: WebhookDeliveryOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Stops claiming, then waits for the attempts in flight (each within its time cap). */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.round;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Runs a round now if the dispatcher is idle (work may have become due). */
  private wake(): void {
    if (this.round) this.wakeRequested = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.round = this.runRound().finally(() => (this.round = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async runRound(): Promise<void> {
    let busy = false;
    try {
      busy = await this.fanOutAll();
      busy = (await this.claimAndSend()) || busy;
      this.failures = 0;
    } catch (error) {
      // The database is away: try again later, a little later each time, up to a minute.
      this.failures += 1;
      if (this.failures === 1 || this.failures % 60 === 0) {
        this.logger.warn({ err: error }, 'Webhook delivery round failed; will retry');
      }
    }
    const again = (busy || this.wakeRequested) && this.failures === 0;
    this.wakeRequested = false;
    if (this.failures > 0) {
      this.schedule(Math.min(60_000, this.options.pollIntervalMs * 2 ** this.failures));
    } else {
      this.schedule(again ? 0 : this.options.pollIntervalMs);
    }
  }

  /** New events become deliveries; true when there was any to fan out. */
  private async fanOutAll(): Promise<boolean> {
    const behind = await this.fanOuts.behind(FAN_OUT_ENDPOINTS);
    for (const id of behind) {
      if (this.stopping) break;
      await this.transactions.run(async (tx) => {
        const endpoint = await this.fanOuts.lockForFanOut(tx, id);
        if (!endpoint || endpoint.lastSequence <= endpoint.cursor) return;
        const upTo = Math.min(endpoint.lastSequence, endpoint.cursor + FAN_OUT_BATCH);
        await this.fanOuts.fanOut(tx, endpoint, upTo, new Date());
        await this.fanOuts.advanceCursor(tx, id, upTo);
      });
    }
    return behind.length > 0;
  }

  /** Claims what this process has room for; true when it may have left some behind. */
  private async claimAndSend(): Promise<boolean> {
    const room = MAX_IN_FLIGHT - this.inFlight.size;
    if (room <= 0 || this.stopping) return false;
    const now = new Date();
    if (!(await this.claims.anyDue(now))) return false;
    const leaseUntil = new Date(now.getTime() + this.options.timeoutMs + LEASE_MARGIN_MS);
    const claimed = await this.claims.claimDue(now, leaseUntil, room);
    for (const delivery of claimed) {
      const attempt = this.attempt(delivery).finally(() => {
        this.inFlight.delete(attempt);
        this.stats.setInFlight(this.inFlight.size);
        this.wake();
      });
      this.inFlight.add(attempt);
    }
    this.stats.setInFlight(this.inFlight.size);
    return claimed.length === room;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const result = await this.send(delivery, attemptedAt);
    const succeeded =
      result.responseStatus !== null && result.responseStatus >= 200 && result.responseStatus < 300;
    // An event past the retention window cannot be sent again: no retry.
    const nextAttemptAt =
      succeeded || delivery.payload === null
        ? null
        : nextRetryAt(this.options.retryScheduleMs, delivery.attempts + 1, new Date());
    const outcome: AttemptOutcome = {
      attemptedAt,
      ...result,
      status: succeeded ? 'succeeded' : nextAttemptAt ? 'pending' : 'failed',
      nextAttemptAt,
    };
    try {
      const markedFailing = await this.transactions.run(async (tx) => {
        const recorded = await this.claims.record(tx, delivery, outcome);
        if (!recorded) {
          this.logger.warn(
            `Delivery ${delivery.id}: the lease ran out before the attempt was recorded; it will be retried`,
          );
          return false;
        }
        if (succeeded) {
          await this.claims.clearFailing(tx, delivery.endpointId, attemptedAt);
        } else if (outcome.status === 'failed' && delivery.payload !== null) {
          return this.claims.markFailing(tx, delivery.endpointId, new Date());
        }
        return false;
      });
      // Counted once committed: a transaction that rolled back marked nothing.
      if (markedFailing) this.stats.endpointMarkedFailing();
    } catch (error) {
      // The lease runs out and the delivery is tried again: at least once.
      this.logger.warn({ err: error }, `Delivery ${delivery.id}: recording the attempt failed`);
    }
  }

  private async send(delivery: ClaimedDelivery, attemptedAt: Date): Promise<SendResult> {
    if (delivery.payload === null) {
      return {
        responseStatus: null,
        error: 'event past the retention window',
        responseSnippet: null,
        durationMs: 0,
      };
    }
    let secrets: string[];
    try {
      secrets = this.signingSecrets(delivery, attemptedAt);
    } catch {
      // ENCRYPTION_KEY changed without a reseal: nothing can be signed until it is back.
      return {
        responseStatus: null,
        error: 'secret unreadable',
        responseSnippet: null,
        durationMs: 0,
      };
    }
    const body = JSON.stringify(delivery.payload);
    const result = await this.sender.send(
      delivery.url,
      {
        'content-type': 'application/json',
        'user-agent': 'Rollcall-Webhooks/1',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(Math.floor(attemptedAt.getTime() / 1000)),
        'webhook-signature': webhookSignature(secrets, delivery.eventId, attemptedAt, body),
      },
      body,
    );
    // What reaches the sender is an attempt at the receiver, even one refused before it could
    // connect; the two cases above never got that far.
    this.stats.attempted(attemptOutcomeOf(result), result.durationMs);
    return result;
  }

  /** The current secret, and the previous one while its overlap lasts. */
  private signingSecrets(delivery: ClaimedDelivery, at: Date): string[] {
    const { secretSealed, previousSecretSealed, previousSecretExpiresAt } = delivery.secrets;
    const secrets = [this.secretBox.open(secretSealed, delivery.endpointId)];
    if (previousSecretSealed && previousSecretExpiresAt && previousSecretExpiresAt > at) {
      secrets.push(this.secretBox.open(previousSecretSealed, delivery.endpointId));
    }
    return secrets;
  }
}
