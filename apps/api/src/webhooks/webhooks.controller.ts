import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WebhookService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ListQueryDto } from '../common/list-query.dto';
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

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(actor, body);
  }

  @Get()
  list() {
    return this.webhooks.list();
  }

  @Get(':id')
  get(@Param('id', uuidParam()) id: string) {
    return this.webhooks.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  /** Each delivery with its status (pending, delivered, dead), attempts and last answer. */
  @Get(':id/deliveries')
  deliveries(@Param('id', uuidParam()) id: string, @Query() query: ListQueryDto) {
    return this.webhooks.deliveries(id, query.limit, query.cursor);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  redeliver(@Param('id', uuidParam()) id: string, @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string) {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
