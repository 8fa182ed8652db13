import { ApiProperty } from '@nestjs/swagger';
import type {
  WebhookAttemptView,
  WebhookDeliveryDetailView,
  WebhookDeliveryListView,
  WebhookDeliveryStatusName,
  WebhookDeliveryView,
} from '@rollcall/contracts';
import type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
} from '@rollcall/events';
import { isoDate, isoDateOrNull } from '../http/iso-date.format';

const STATUSES: readonly WebhookDeliveryStatusName[] = ['pending', 'succeeded', 'failed'];

export class WebhookAttemptDto implements WebhookAttemptView {
  @ApiProperty({ format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The receiver’s HTTP status; null without a response.',
  })
  responseStatus!: number | null;

  @ApiProperty()
  durationMs!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why no response came: `timeout`, `refused by policy`, `network (ECONNREFUSED)`, `event past the retention window`…',
  })
  error!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The first 1,000 characters of the answer (at most 4 KiB are read).',
  })
  responseSnippet!: string | null;
}

export class WebhookDeliveryDto implements WebhookDeliveryView {
  @ApiProperty({ example: 'whd_4f0c2d1e9b8a4c7d8e6f5a4b3c2d1e0f' })
  id!: string;

  @ApiProperty({ description: 'The `webhook-id` header: the same on every attempt and resend.' })
  eventId!: string;

  @ApiProperty({ example: 'user.created' })
  eventType!: string;

  @ApiProperty({ enum: STATUSES })
  status!: WebhookDeliveryStatusName;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: WebhookAttemptDto, nullable: true })
  lastAttempt!: WebhookAttemptDto | null;
}

export class WebhookDeliveryListDto implements WebhookDeliveryListView {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  deliveries!: WebhookDeliveryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for older ones.' })
  nextBefore!: string | null;
}

export class WebhookDeliveryDetailDto
  extends WebhookDeliveryDto
  implements WebhookDeliveryDetailView
{
  @ApiProperty({ type: [WebhookAttemptDto], description: 'Oldest first.' })
  attemptsMade!: WebhookAttemptDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The JSON body sent (an event as `GET /api/events` shows it); `{}` once the event has aged out of the retention window.',
  })
  payload!: Record<string, unknown>;
}

function toAttemptDto(attempt: WebhookAttempt): WebhookAttemptDto {
  return {
    attemptedAt: isoDate(attempt.attemptedAt),
    responseStatus: attempt.responseStatus,
    durationMs: attempt.durationMs,
    error: attempt.error,
    responseSnippet: attempt.responseSnippet,
  };
}

export function toWebhookDeliveryDto(delivery: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: isoDateOrNull(delivery.nextAttemptAt),
    createdAt: isoDate(delivery.createdAt),
    lastAttempt: delivery.lastAttempt ? toAttemptDto(delivery.lastAttempt) : null,
  };
}

export function toWebhookDeliveryListDto(page: WebhookDeliveryPage): WebhookDeliveryListDto {
  return { deliveries: page.deliveries.map(toWebhookDeliveryDto), nextBefore: page.nextBefore };
}

export function toWebhookDeliveryDetailDto(
  delivery: WebhookDeliveryDetail,
): WebhookDeliveryDetailDto {
  return {
    ...toWebhookDeliveryDto(delivery),
    attemptsMade: delivery.attemptsMade.map(toAttemptDto),
    payload: delivery.payload ?? {},
  };
}
