import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCallbacks,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateWebhook,
  DeleteWebhook,
  GetWebhook,
  ListWebhooks,
  RotateWebhookSecret,
  SendTestWebhook,
  UpdateWebhook,
} from '@rollcall/events';
import { AcceptsApiKeys } from '../auth/api-key-access.decorator';
import { CurrentCaller, type Caller } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { WEBHOOK_DELIVERY_SCHEMA } from '../events/event-openapi.components';
import { WEBHOOK_VERIFICATION_DOC } from './webhook-verification.doc';
import {
  CreateWebhookDto,
  CreatedWebhookDto,
  DeliveryQueuedDto,
  UpdateWebhookDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  toCreatedWebhookDto,
  toWebhookEndpointDto,
} from './webhooks.dto';

const NOT_FOUND = { type: ApiErrorDto, description: 'WEBHOOK_NOT_FOUND' };
const INVALID = {
  type: ApiErrorDto,
  description:
    'BAD_REQUEST (validation), WEBHOOK_URL_INVALID, EVENT_TYPE_UNKNOWN, WEBHOOK_DESCRIPTION_INVALID',
};

/**
 * Webhook endpoints: where the organization's events are POSTed, signed. Session or API key
 * (a `read` key lists and reads; changes take `read_write`).
 */
@ApiTags('Admin: webhooks')
@Controller('api/webhooks')
@AdminRoutes()
@AcceptsApiKeys()
export class WebhooksController {
  constructor(
    private readonly listWebhooks: ListWebhooks,
    private readonly getWebhook: GetWebhook,
    private readonly createWebhook: CreateWebhook,
    private readonly updateWebhook: UpdateWebhook,
    private readonly deleteWebhook: DeleteWebhook,
    private readonly rotateWebhookSecret: RotateWebhookSecret,
    private readonly sendTestWebhook: SendTestWebhook,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The organization’s webhook endpoints, oldest first' })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  async list(@CurrentCaller() caller: Caller): Promise<WebhookEndpointListDto> {
    const endpoints = await this.listWebhooks.execute(caller.organizationId);
    return { webhooks: endpoints.map(toWebhookEndpointDto) };
  }

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Register a webhook endpoint',
    description: `It receives the events that happen from now on. The response is the only time the signing secret is shown. At most 20 endpoints per organization.\n\n${WEBHOOK_VERIFICATION_DOC}`,
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiBadRequestResponse(INVALID)
  @ApiConflictResponse({ type: ApiErrorDto, description: 'WEBHOOK_LIMIT_REACHED' })
  // OpenAPI 3.0 has no `webhooks` section (3.1 does): a callback on the registration is how
  // 3.0 says what this server will POST to the URL it was given.
  @ApiCallbacks({
    name: 'event',
    callbackUrl: '{$request.body#/url}',
    method: 'post',
    requestBody: { type: WEBHOOK_DELIVERY_SCHEMA },
    expectedResponse: {
      status: 204,
      description:
        'Any 2xx within 10 seconds acknowledges the delivery; anything else is retried with back-off.',
    },
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Body(adminBodyPipe()) body: CreateWebhookDto,
  ): Promise<CreatedWebhookDto> {
    const created = await this.createWebhook.execute({
      organizationId: caller.organizationId,
      actor: caller.actor,
      url: body.url,
      events: body.events,
      description: body.description,
    });
    return toCreatedWebhookDto(created);
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One webhook endpoint (never its secret)' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiNotFoundResponse(NOT_FOUND)
  async detail(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<WebhookEndpointDto> {
    return toWebhookEndpointDto(await this.getWebhook.execute(caller.organizationId, id));
  }

  @Patch(':id')
  @AdminWrite()
  @ApiOperation({
    summary: 'Change an endpoint’s URL, event types, description, or enable/disable it',
    description:
      'A disabled endpoint is sent nothing: its pending deliveries wait, and events while it is disabled are not sent later. Enabling it again clears `failing`.',
  })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiBadRequestResponse(INVALID)
  @ApiNotFoundResponse(NOT_FOUND)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body(adminBodyPipe()) body: UpdateWebhookDto,
  ): Promise<WebhookEndpointDto> {
    const endpoint = await this.updateWebhook.execute({
      organizationId: caller.organizationId,
      actor: caller.actor,
      id,
      url: body.url,
      events: body.events,
      description: body.description,
      enabled: body.enabled,
    });
    return toWebhookEndpointDto(endpoint);
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({ summary: 'Delete an endpoint with its deliveries' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse(NOT_FOUND)
  async delete(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.deleteWebhook.execute(caller.organizationId, caller.actor, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Returns the new secret, once. For 24 hours deliveries carry a signature with each of the new and the previous secret (space-separated in `webhook-signature`), so the receiver can switch over without missing one.',
  })
  @ApiOkResponse({ type: CreatedWebhookDto })
  @ApiNotFoundResponse(NOT_FOUND)
  async rotateSecret(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<CreatedWebhookDto> {
    const rotated = await this.rotateWebhookSecret.execute(caller.organizationId, caller.actor, id);
    return toCreatedWebhookDto(rotated);
  }

  @Post(':id/test')
  @HttpCode(202)
  @AdminWrite()
  @ApiOperation({
    summary: 'Send a test event',
    description:
      'Queues a `webhook.test` delivery to this endpoint only, signed like the others (it is not an event of the feed). Follow it in the deliveries.',
  })
  @ApiAcceptedResponse({ type: DeliveryQueuedDto })
  @ApiNotFoundResponse(NOT_FOUND)
  async test(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<DeliveryQueuedDto> {
    return {
      deliveryId: await this.sendTestWebhook.execute(caller.organizationId, caller.actor, id),
    };
  }
}
