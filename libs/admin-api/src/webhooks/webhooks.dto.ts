import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  EVENT_TYPE_NAMES,
  type CreateWebhookRequest,
  type CreatedWebhookView,
  type EventTypeName,
  type UpdateWebhookRequest,
  type WebhookEndpointListView,
  type WebhookEndpointStatusName,
  type WebhookEndpointView,
} from '@rollcall/contracts';
import {
  WEBHOOK_DESCRIPTION_MAX_LENGTH,
  WEBHOOK_URL_MAX_LENGTH,
  webhookEndpointStatus,
  type WebhookEndpoint,
  type WebhookWithSecret,
} from '@rollcall/events';
import { isoDate, isoDateOrNull } from '../http/iso-date.format';
import { IsOmittable } from '../http/omittable.decorator';

const STATUSES: readonly WebhookEndpointStatusName[] = ['active', 'failing', 'disabled'];

export class WebhookEndpointDto implements WebhookEndpointView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://hooks.example.com/rollcall' })
  url!: string;

  @ApiProperty({
    type: [String],
    enum: EVENT_TYPE_NAMES,
    nullable: true,
    description: 'The event types sent to it; null: every type.',
  })
  events!: EventTypeName[] | null;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({
    enum: STATUSES,
    description:
      '`active`; `failing`: a delivery ran out of retries (cleared by the next success or by enabling it again); `disabled`: nothing is sent.',
  })
  status!: WebhookEndpointStatusName;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failingSince!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'Deliveries waiting or retrying.' })
  pendingDeliveries!: number;
}

export class WebhookEndpointListDto implements WebhookEndpointListView {
  @ApiProperty({ type: [WebhookEndpointDto] })
  webhooks!: WebhookEndpointDto[];
}

export class CreatedWebhookDto extends WebhookEndpointDto implements CreatedWebhookView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'The signing secret (`whsec_` + base64 of 32 bytes). Shown this once: store it with the receiver.',
  })
  secret!: string;
}

const EVENTS_DESCRIPTION = `Event types to send: ${EVENT_TYPE_NAMES.join(', ')}. Absent or null: every type.`;

/** `events` of a create or an update: a non-empty list of types, or null for every type. */
function EventTypesField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      enum: EVENT_TYPE_NAMES,
      nullable: true,
      description: EVENTS_DESCRIPTION,
    }),
    IsOptional(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(EVENT_TYPE_NAMES.length),
    IsString({ each: true }),
  );
}

/** `description` of a create or an update: text, or null for none. */
function DescriptionField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: WEBHOOK_DESCRIPTION_MAX_LENGTH,
    }),
    IsOptional(),
    IsString(),
    MaxLength(WEBHOOK_DESCRIPTION_MAX_LENGTH),
  );
}

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    example: 'https://hooks.example.com/rollcall',
    description:
      'https (http only where the server allows the private network), no user name or password; private, loopback and metadata addresses are refused, also when a name resolves to one.',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;

  @EventTypesField()
  events?: EventTypeName[] | null;

  @DescriptionField()
  description?: string | null;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional({ maxLength: WEBHOOK_URL_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url?: string;

  @EventTypesField()
  events?: EventTypeName[] | null;

  @DescriptionField()
  description?: string | null;

  @ApiPropertyOptional({
    description: 'false disables the endpoint; true enables it again and clears `failing`.',
  })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class ListWebhookDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'succeeded', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'succeeded', 'failed'])
  status?: 'pending' | 'succeeded' | 'failed';

  @ApiPropertyOptional({ description: 'The `nextBefore` of the previous (newer) page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class DeliveryQueuedDto {
  @ApiProperty({ example: 'whd_4f0c2d1e9b8a4c7d8e6f5a4b3c2d1e0f' })
  deliveryId!: string;
}

export function toWebhookEndpointDto(endpoint: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.eventTypes,
    description: endpoint.description,
    status: webhookEndpointStatus(endpoint),
    failingSince: isoDateOrNull(endpoint.failingSince),
    createdAt: isoDate(endpoint.createdAt),
    updatedAt: isoDate(endpoint.updatedAt),
    pendingDeliveries: endpoint.pendingDeliveries,
  };
}

export function toCreatedWebhookDto(created: WebhookWithSecret): CreatedWebhookDto {
  return { ...toWebhookEndpointDto(created.endpoint), secret: created.secret };
}
