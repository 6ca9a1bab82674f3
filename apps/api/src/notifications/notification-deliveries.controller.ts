import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CHANNELS, NOTIFICATION_TYPES } from '@app/persistence';
import type { Channel, ChannelDeliveryStatus } from '@app/persistence';
import { ChannelDeliveries } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';
import { uuidParam } from '../common/uuid-param';

const STATUSES = ['pending', 'sent', 'dead'] as const;

export class ChannelDeliveryQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: ChannelDeliveryStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel?: Channel;
}

export class ChannelDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'the idempotency key: Message-ID `<id@…>` and `X-Event-Id`' })
  id: string;
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty({ format: 'uuid' }) issueId: string;
  @ApiProperty({ example: 'DH-2026-000123' }) referenceNo: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ description: 'the username' }) recipient: string;
  @ApiProperty({ description: 'the e-mail address or phone number, as stored when the notification was made' })
  address: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'what the mail server or the gateway answered' })
  response: string | null;
  @ApiProperty({ format: 'date-time', description: 'held to working hours unless the issue is urgent' })
  deliverAfter: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const ChannelDeliveryPageDto = PageOf(ChannelDeliveryDto, 'ChannelDeliveryPage');

const ADMIN = ['admin' as const];

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notification-deliveries')
export class NotificationDeliveriesController {
  constructor(private readonly deliveries: ChannelDeliveries) {}

  @Get()
  @Endpoint({
    summary: 'E-mail and SMS deliveries',
    description:
      'One per notification, channel and recipient, newest first, with its status (pending, sent, dead), attempts ' +
      'and the last answer. `?status=dead` lists the ones that gave up.',
    who: ADMIN,
    ok: ChannelDeliveryPageDto,
    errors: [400],
  })
  list(@Query() query: ChannelDeliveryQueryDto) {
    return this.deliveries.list({ status: query.status, channel: query.channel }, query.limit, query.cursor);
  }

  @Post(':id/redeliver')
  @Endpoint({
    summary: 'Send a dead delivery again',
    description: 'A fresh round of attempts under the same idempotency key; a pending or sent one is left as it is.',
    who: ADMIN,
    status: 202,
    ok: ChannelDeliveryDto,
    errors: [400, 404],
  })
  redeliver(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.deliveries.redeliver(actor, id);
  }
}
