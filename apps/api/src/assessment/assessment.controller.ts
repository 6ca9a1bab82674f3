import { BadRequestException, Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Response } from 'express';
import { ISSUE_EVENT_TYPES, PERIOD_PATTERN } from '@app/domain';
import { AssessmentService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CODE_PATTERN, IsCode } from '../common/codes';
import { sendFile } from '../common/send-file';

export class RangeQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'a local date or an ISO-8601 instant; default 1 January' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'a local date (inclusive) or an instant; default now' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

export class ExportQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'csv' }) @IsOptional() @IsIn(['csv', 'json']) format?:
    'csv' | 'json';
}

export class ScoringRuleDto {
  @ApiProperty({ enum: ISSUE_EVENT_TYPES }) @IsIn(ISSUE_EVENT_TYPES) event: string;
  @ApiProperty({ example: -2 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1000)
  @Max(1000)
  points: number;
  @ApiPropertyOptional({ example: { level: 2 }, description: 'matched against the event data, key by key' })
  @IsOptional()
  @IsObject()
  when?: Record<string, string | number | boolean | null>;
}

export class RuleSetDto {
  @ApiProperty({ example: 100 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(10_000) base: number;

  @ApiProperty({ type: [ScoringRuleDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScoringRuleDto)
  rules: ScoringRuleDto[];

  @ApiPropertyOptional({ description: 'as GET returns it; ignored, since each PUT makes a new version' })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class EvaluationDto {
  @ApiProperty() @IsCode() unit: string;
  @ApiProperty({ example: '2026', description: 'YYYY or YYYY-Qn' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY or YYYY-Qn' })
  period: string;
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) comment?: string;
}

export class ProposalReportQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('assessment')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get('units')
  @Roles('inspector', 'admin')
  async units(@Query() query: RangeQueryDto) {
    const range = this.assessment.range(query.from, query.to);
    return { from: range.from.toISOString(), to: range.to.toISOString(), items: await this.assessment.table(range) };
  }

  /** The table row plus the ledger whose points sum to `score - base`. */
  @Get('units/:code')
  @Roles('inspector', 'admin', 'handler')
  unit(@CurrentActor() actor: Actor, @Param('code') code: string, @Query() query: RangeQueryDto) {
    if (!CODE_PATTERN.test(code)) throw new BadRequestException('code must be 1-64 characters of [a-z0-9_-]');
    return this.assessment.unit(actor, code, this.assessment.range(query.from, query.to));
  }

  /** The table as a file: CSV in UTF-8 with a byte-order mark, so spreadsheets show Chinese unit names. */
  @Get('export')
  @Roles('inspector', 'admin')
  async export(@Query() query: ExportQueryDto, @Res() response: Response) {
    const file = await this.assessment.export(this.assessment.range(query.from, query.to), query.format ?? 'csv');
    sendFile(response, file);
  }

  @Get('rules')
  @Roles('admin')
  rules() {
    return this.assessment.rules();
  }

  @Put('rules')
  @Roles('admin')
  replaceRules(@CurrentActor() actor: Actor, @Body() body: RuleSetDto) {
    for (const [index, rule] of body.rules.entries()) {
      for (const [key, value] of Object.entries(rule.when ?? {})) {
        if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
          throw new BadRequestException(`rules[${index}].when.${key} must be a string, number, boolean or null`);
        }
      }
    }
    return this.assessment.replaceRules(actor, { base: body.base, rules: body.rules });
  }

  @Post('evaluations')
  @Roles('inspector')
  evaluate(@CurrentActor() actor: Actor, @Body() body: EvaluationDto) {
    return this.assessment.evaluate(actor, body);
  }
}

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly assessment: AssessmentService) {}

  /** The prefecture's annual proposal figures: registered, replied, reply rate, key proposals supervised. */
  @Get('proposals')
  @Roles('inspector', 'admin')
  proposals(@Query() query: ProposalReportQueryDto) {
    return this.assessment.proposalReport(query.year);
  }
}
