import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { GetWebhookDelivery, ListWebhookDeliveries, ResendWebhookDelivery } from '@rollcall/events';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminQueryPipe } from '../http/admin-query.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  WebhookDeliveryDetailDto,
  WebhookDeliveryListDto,
  toWebhookDeliveryDetailDto,
  toWebhookDeliveryListDto,
} from './webhook-deliveries.dto';
import { DeliveryQueuedDto, ListWebhookDeliveriesQueryDto } from './webhooks.dto';

/** What became of each event sent to an endpoint, attempt by attempt. */
@ApiTags('Admin: webhooks')
@Controller('api/webhooks/:id/deliveries')
@AdminRoutes()
@AcceptsApiKeys()
export class WebhookDeliveriesController {
  constructor(
    private readonly listWebhookDeliveries: ListWebhookDeliveries,
    private readonly getWebhookDelivery: GetWebhookDelivery,
    private readonly resendWebhookDelivery: ResendWebhookDelivery,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'An endpoint’s deliveries, newest first, each with its last attempt' })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description: 'BAD_REQUEST (validation), EVENT_CURSOR_INVALID',
  })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'WEBHOOK_NOT_FOUND' })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query(adminQueryPipe()) query: ListWebhookDeliveriesQueryDto,
  ): Promise<WebhookDeliveryListDto> {
    const page = await this.listWebhookDeliveries.execute({
      organizationId: caller.organizationId,
      endpointId: id,
      status: query.status,
      before: query.before,
      limit: query.limit ?? 50,
    });
    return toWebhookDeliveryListDto(page);
  }

  @Get(':deliveryId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One delivery with every attempt and the body it sends' })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  @ApiNotFoundResponse({
    type: ApiErrorDto,
    description: 'WEBHOOK_NOT_FOUND, WEBHOOK_DELIVERY_NOT_FOUND',
  })
  async detail(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDetailDto> {
    const delivery = await this.getWebhookDelivery.execute(caller.organizationId, id, deliveryId);
    return toWebhookDeliveryDetailDto(delivery);
  }

  @Post(':deliveryId/resend')
  @HttpCode(202)
  @AdminWrite()
  @ApiOperation({
    summary: 'Send a delivery’s event again',
    description:
      'A new delivery of the same event (same `webhook-id`, so the receiver can deduplicate) with a fresh retry schedule; the first one and its attempts stay as they were.',
  })
  @ApiAcceptedResponse({ type: DeliveryQueuedDto })
  @ApiNotFoundResponse({
    type: ApiErrorDto,
    description: 'WEBHOOK_NOT_FOUND, WEBHOOK_DELIVERY_NOT_FOUND',
  })
  async resend(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<DeliveryQueuedDto> {
    return {
      deliveryId: await this.resendWebhookDelivery.execute(caller.organizationId, id, deliveryId),
    };
  }
}
