import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { NOTIFICATION_TYPES } from '@app/persistence';
import { NotificationService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';
import { uuidParam } from '../common/uuid-param';

export class NotificationQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: string;
  @ApiProperty({ format: 'uuid' }) issueId: string;
  @ApiProperty({ example: 'DH-2026-000123', description: 'the issue’s' }) referenceNo: string;
  @ApiProperty({ description: 'the issue’s' }) title: string;
  @ApiProperty({ nullable: true, type: String, description: 'the notified unit' }) unit: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the notified user, when addressed to one' }) username:
    string | null;
  @ApiPropertyOptional({ description: 'the escalation level, for escalations' }) level?: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export const NotificationPageDto = PageOf(NotificationDto, 'NotificationPage');

export class UnreadCountDto {
  @ApiProperty() count: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'how many were unread' }) updated: number;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Endpoint({
    summary: 'My notifications',
    description:
      "The caller's unit's and their own, newest first, listed as soon as they exist (holding to working hours " +
      'applies only to delivery by SMS and e-mail). `?unread=true` filters.',
    who: 'any',
    ok: NotificationPageDto,
    errors: [400],
  })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto) {
    return this.notifications.list(actor, query.limit, query.cursor, query.unread ?? false);
  }

  @Get('unread-count')
  @Endpoint({ summary: 'How many of my notifications are unread', who: 'any', ok: UnreadCountDto })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(actor) };
  }

  @Post('read-all')
  @Endpoint({ summary: 'Mark all my notifications read', who: 'any', ok: MarkedReadDto })
  async readAll(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return { updated: await this.notifications.markAllRead(actor) };
  }

  @Post(':id/read')
  @Endpoint({
    summary: 'Mark a notification read',
    description: "Only the caller's own (their unit's or theirs).",
    who: 'any',
    ok: NotificationDto,
    errors: [400, 404],
  })
  read(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
