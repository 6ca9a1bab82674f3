import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { NotificationService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { ListQueryDto } from '../common/list-query.dto';
import { uuidParam } from '../common/uuid-param';

export class NotificationQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** The caller's notifications: their unit's and their own, newest first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto) {
    return this.notifications.list(actor, query.limit, query.cursor, query.unread ?? false);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
