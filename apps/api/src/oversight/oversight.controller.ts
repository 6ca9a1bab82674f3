import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OversightService } from '@app/workflow';
import { Roles } from '../auth/auth.decorators';
import { IsCode, IsRegionCode } from '../common/codes';
import { ListQueryDto } from '../common/list-query.dto';

export class OverdueQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsCode() leadUnit?: string;
  @ApiPropertyOptional({ description: 'the region and every region under it' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  minLevel?: number;
}

export class BoardQueryDto extends OverdueQueryDto {
  @ApiProperty({ enum: ['blue', 'yellow', 'red'] }) @IsIn(['blue', 'yellow', 'red']) colour: 'blue' | 'yellow' | 'red';
}

@ApiTags('oversight')
@ApiBearerAuth()
@Roles('inspector')
@Controller('oversight')
export class OversightController {
  constructor(private readonly oversight: OversightService) {}

  /** Overdue open issues with `overdueSeconds`, most overdue first. */
  @Get('overdue')
  overdue(@Query() query: OverdueQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.oversight.overdue(filter, limit, cursor);
  }

  /** Open issues by supervision-notice colour: blue in the reminder window, yellow past it, red overdue. */
  @Get('board')
  board(@Query() query: BoardQueryDto) {
    const { limit, cursor, colour, ...filter } = query;
    return this.oversight.board(colour, filter, limit, cursor);
  }

  /** Per unit: open, overdue, key, and how many sit at each escalation level. */
  @Get('summary')
  summary() {
    return this.oversight.summary();
  }
}
