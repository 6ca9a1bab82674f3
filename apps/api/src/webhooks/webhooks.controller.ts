import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WebhookService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';
import { uuidParam } from '../common/uuid-param';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://performance.example.gov.cn/hooks/direct-handling' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: string[];

  @ApiProperty({ minLength: 16, maxLength: 256, description: 'signs each body: X-Signature: sha256=<hex HMAC>' })
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  secret: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'sent as X-Event-Id' }) eventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'dead'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const WebhookPageDto = PageOf(WebhookDto, 'WebhookPage');
export const DeliveryPageDto = PageOf(DeliveryDto, 'DeliveryPage');

const ADMIN = ['admin' as const];

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @Endpoint({
    summary: 'Subscribe a webhook',
    description:
      'Each delivery is a POST of `{id, type, occurredAt, issue, data}` with `X-Event-Id` and ' +
      '`X-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>`, at least once, retried with backoff ' +
      'for over a day, then dead-lettered. Loopback and private targets are refused unless ' +
      '`WEBHOOK_ALLOW_PRIVATE_TARGETS=true`.',
    who: ADMIN,
    status: 201,
    ok: WebhookDto,
    errors: [400],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(actor, body);
  }

  @Get()
  @Endpoint({ summary: 'List webhooks', who: ADMIN, ok: WebhookPageDto })
  list() {
    return this.webhooks.list();
  }

  @Get(':id')
  @Endpoint({ summary: 'Get a webhook', who: ADMIN, ok: WebhookDto, errors: [400, 404] })
  get(@Param('id', uuidParam()) id: string) {
    return this.webhooks.get(id);
  }

  @Delete(':id')
  @Endpoint({ summary: 'Delete a webhook', who: ADMIN, status: 204, errors: [400, 404] })
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.webhooks.remove(actor, id);
  }

  @Get(':id/deliveries')
  @Endpoint({
    summary: "A webhook's deliveries",
    description: 'Each with its status (pending, delivered, dead), attempts and last answer; newest first.',
    who: ADMIN,
    ok: DeliveryPageDto,
    errors: [400, 404],
  })
  deliveries(@Param('id', uuidParam()) id: string, @Query() query: ListQueryDto) {
    return this.webhooks.deliveries(id, query.limit, query.cursor);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @Endpoint({
    summary: 'Redeliver a delivery',
    description: 'Sends a dead (or any undelivered) delivery again, from the first attempt; a delivered one is left.',
    who: ADMIN,
    status: 202,
    ok: DeliveryDto,
    errors: [400, 404],
  })
  redeliver(@Param('id', uuidParam()) id: string, @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string) {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
