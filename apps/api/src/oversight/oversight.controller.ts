import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { BoardHistory, OversightService } from '@app/workflow';
import { IsCode, IsOptionalLevel, IsRegionCode } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';
import { IssueDto } from '../issues/issue.dto';

export class OverdueQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCode() leadUnit?: string;
  @ApiPropertyOptional({ description: 'the region and every region under it' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
  @IsOptionalLevel() minLevel?: number;
}

export class OverdueBoardQueryDto extends OverdueQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'a past moment: the board as it stood then, rebuilt from the timeline (`overdueSeconds` at it)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 instant' })
  asOf?: string;
}

export class BoardQueryDto extends OverdueQueryDto {
  @ApiProperty({ enum: ['blue', 'yellow', 'red'] }) @IsIn(['blue', 'yellow', 'red']) colour: 'blue' | 'yellow' | 'red';
}

export class BoardItemDto extends IssueDto {
  @ApiProperty({ enum: ['blue', 'yellow', 'red'], nullable: true, type: String }) colour:
    'blue' | 'yellow' | 'red' | null;
  @ApiProperty({ description: 'seconds past the due time (0 unless overdue)' }) overdueSeconds: number;
}

export const BoardPageDto = PageOf(BoardItemDto, 'BoardPage');

export class UnitSummaryDto {
  @ApiProperty() unit: string;
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ description: 'open key issues and key proposals' }) key: number;
  @ApiProperty({ example: { '1': 3, '2': 1 }, type: 'object', additionalProperties: { type: 'number' } })
  byLevel: Record<string, number>;
}

export class TrendQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 104, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(104)
  weeks: number = 12;
}

export class WeekCountDto {
  @ApiProperty({ example: '2026-11-30', description: 'the Monday the week starts, in TIME_ZONE' }) weekStart: string;
  @ApiProperty() filed: number;
  @ApiProperty() closed: number;
}

export class TrendDto {
  @ApiProperty({ type: [WeekCountDto] }) items: WeekCountDto[];
}

export class SummaryDto {
  @ApiProperty({ type: [UnitSummaryDto] }) items: UnitSummaryDto[];
}

@ApiTags('oversight')
@ApiBearerAuth()
@Controller('oversight')
export class OversightController {
  constructor(
    private readonly oversight: OversightService,
    private readonly history: BoardHistory,
  ) {}

  @Get('overdue')
  @Endpoint({
    summary: 'The overdue board, now or as of a past moment',
    description:
      'Overdue open issues with `overdueSeconds`, most overdue first; a region filter covers the regions under it. ' +
      'With `asOf`, the board as it stood at that moment, rebuilt from the timeline with the same fields and filters.',
    who: ['inspector'],
    ok: BoardPageDto,
    errors: [400],
  })
  overdue(@Query() query: OverdueBoardQueryDto) {
    const { limit, cursor, asOf, ...filter } = query;
    if (asOf === undefined) return this.oversight.overdue(filter, limit, cursor);
    return this.history.overdue(new Date(asOf), filter, limit, cursor);
  }

  @Get('board')
  @Endpoint({
    summary: 'Open issues by light (红黄蓝)',
    description: 'Blue inside the reminder window, yellow past the last reminder, red overdue.',
    who: ['inspector'],
    ok: BoardPageDto,
    errors: [400],
  })
  board(@Query() query: BoardQueryDto) {
    const { limit, cursor, colour, ...filter } = query;
    return this.oversight.board(colour, filter, limit, cursor);
  }

  @Get('summary')
  @Endpoint({
    summary: 'Per unit: open, overdue, key, by escalation level',
    description: 'Every unit, those with key items first.',
    who: ['inspector'],
    ok: SummaryDto,
  })
  summary() {
    return this.oversight.summary();
  }

  @Get('trend')
  @Endpoint({
    summary: 'Issues filed and closed per week',
    description: 'The last `weeks` weeks (this one included), oldest first; weeks start on Monday in TIME_ZONE.',
    who: ['inspector'],
    ok: TrendDto,
    errors: [400],
  })
  trend(@Query() query: TrendQueryDto) {
    return this.oversight.trend(query.weeks);
  }
}
