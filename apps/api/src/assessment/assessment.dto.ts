import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { ISSUE_EVENT_TYPES, PERIOD_PATTERN } from '@app/domain';
import { IsCode } from '../common/codes';

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

// Answers.

const rate = { nullable: true, type: Number, description: 'a fraction from 0 to 1; null with nothing to count' };

export class AssessmentRowDto {
  @ApiProperty() unit: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: 'issues assigned in the period' }) assigned: number;
  @ApiProperty() acknowledgedOnTime: number;
  @ApiProperty() closed: number;
  @ApiProperty({ description: 'closed in the period after having been reopened' }) rehandled: number;
  @ApiProperty() closedOnTime: number;
  @ApiProperty() dueInPeriod: number;
  @ApiProperty() overdue: number;
  @ApiProperty() reopened: number;
  @ApiProperty() returned: number;
  @ApiProperty() escalations: number;
  @ApiProperty() evaluated: number;
  @ApiProperty() satisfied: number;
  @ApiProperty() basicallySatisfied: number;
  @ApiProperty() unsatisfied: number;
  @ApiProperty({ ...rate, description: '满意率: (satisfied + basically satisfied) / evaluated' }) satisfaction:
    number | null;
  @ApiProperty({ ...rate, description: '签收率' }) acknowledgementRate: number | null;
  @ApiProperty({ ...rate, description: '按时办结率' }) onTimeClosureRate: number | null;
  @ApiProperty({ ...rate, description: '满意率' }) satisfactionRate: number | null;
  @ApiProperty({ ...rate, description: '退单率' }) returnRate: number | null;
  @ApiProperty({ ...rate, description: '重办率' }) rehandlingRate: number | null;
  @ApiProperty() proposalsRegistered: number;
  @ApiProperty() proposalsReplied: number;
  @ApiProperty(rate) proposalReplyRate: number | null;
  @ApiProperty() keyProposals: number;
  @ApiProperty({ example: 100 }) base: number;
  @ApiProperty({ description: 'the sum of the ledger in the period' }) points: number;
  @ApiProperty({ description: 'base + points' }) score: number;
  @ApiProperty({ description: 'fewer issues than ASSESSMENT_MIN_ISSUES: shown, not ranked' }) insufficientData: boolean;
  @ApiProperty({ nullable: true, type: Number }) rank: number | null;
}

export class AssessmentTableDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: [AssessmentRowDto] }) items: AssessmentRowDto[];
}

export class LedgerItemDto {
  @ApiProperty({ format: 'uuid', description: 'the event (or evaluation) the points came from' }) eventId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) issueId: string | null;
  @ApiProperty({ example: 'issue.overdue' }) rule: string;
  @ApiProperty() points: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() ruleVersion: number;
  @ApiProperty({ enum: ['event', 'evaluation'] }) source: 'event' | 'evaluation';
}

export class AssessmentUnitDto extends AssessmentRowDto {
  @ApiProperty({ type: [LedgerItemDto], description: 'whose points sum to score - base' }) ledger: LedgerItemDto[];
}

export class RuleSetAnswerDto {
  @ApiProperty({ example: 100 }) base: number;
  @ApiProperty({ type: [ScoringRuleDto] }) rules: ScoringRuleDto[];
  @ApiProperty() version: number;
}

export class EvaluationAnswerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() unit: string;
  @ApiProperty() period: string;
  @ApiProperty() score: number;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ description: 'weight × (score − 100)' }) points: number;
  @ApiProperty() evaluatedBy: string;
  @ApiProperty({ format: 'date-time', description: 'the last instant of the period' }) countsAt: string;
}

export class ProposalUnitDto {
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty() registered: number;
  @ApiProperty() replied: number;
  @ApiProperty(rate) replyRate: number | null;
  @ApiProperty() keyProposals: number;
  @ApiProperty() keyProposalsSupervised: number;
}

export class ProposalReportDto {
  @ApiProperty() year: number;
  @ApiProperty() registered: number;
  @ApiProperty() replied: number;
  @ApiProperty(rate) replyRate: number | null;
  @ApiProperty() closed: number;
  @ApiProperty() keyProposals: number;
  @ApiProperty() keyProposalsSupervised: number;
  @ApiProperty() satisfied: number;
  @ApiProperty() basicallySatisfied: number;
  @ApiProperty() unsatisfied: number;
  @ApiProperty(rate) satisfactionRate: number | null;
  @ApiProperty({ type: [ProposalUnitDto] }) byUnit: ProposalUnitDto[];
}
