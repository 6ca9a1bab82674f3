import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditLog } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';

const TARGET_TYPES = [
  'user',
  'region',
  'unit',
  'category',
  'routing_rule',
  'deadline_policy',
  'calendar',
  'assessment_rules',
  'webhook',
  'notification_delivery',
];

export class AuditQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'the username who made the change' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;
  @ApiPropertyOptional({ enum: TARGET_TYPES }) @IsOptional() @IsIn(TARGET_TYPES) targetType?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or instant' })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or instant' })
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'admin' }) actor: string;
  @ApiProperty({ example: 'unit.updated' }) action: string;
  @ApiProperty({ enum: TARGET_TYPES }) targetType: string;
  @ApiProperty({ example: 'pref-education' }) targetId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'as its GET showed it' })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export const AuditPageDto = PageOf(AuditEntryDto, 'AuditPage');

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Endpoint({
    summary: 'Who changed what',
    description:
      'Every change made through the admin endpoints — users, regions, units, categories, routing rules, deadline ' +
      'policies, the calendar, assessment rules and webhooks — with its actor, and the thing before and after. ' +
      'Written in the change’s own transaction. Newest first.',
    who: ['admin'],
    ok: AuditPageDto,
    errors: [400],
  })
  list(@Query() query: AuditQueryDto) {
    const { limit, cursor, actor, targetType, from, to } = query;
    return this.audit.list(
      { actor, targetType, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      limit,
      cursor,
    );
  }
}
