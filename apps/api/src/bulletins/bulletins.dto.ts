import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { BULLETIN_PERIOD_PATTERN } from '@app/domain';
import { AssessmentRowDto } from '../assessment/assessment.dto';
import { PageOf } from '../common/page.dto';

export class MakeBulletinDto {
  @ApiPropertyOptional({ example: '2026-11', description: 'a month (YYYY-MM) or quarter (YYYY-Qn) that has ended' })
  @IsOptional()
  @IsString()
  @Matches(BULLETIN_PERIOD_PATTERN, { message: 'period must be YYYY-MM or YYYY-Qn' })
  period?: string;

  @ApiPropertyOptional({
    example: '2026-11-05',
    description: 'a special bulletin: the first day (local date) or instant covered',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'a special bulletin: the last day covered (inclusive) or an instant; not in the future',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ example: '关于农村公路问题专项督查情况的通报', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
}

export class BulletinExportQueryDto {
  @ApiPropertyOptional({ enum: ['docx', 'csv', 'json'], default: 'docx' })
  @IsOptional()
  @IsIn(['docx', 'csv', 'json'], { message: 'format must be one of docx, csv, json' })
  format?: 'docx' | 'csv' | 'json';
}

// Answers.

const rate = { nullable: true, type: Number, description: 'a fraction from 0 to 1; null with nothing to count' };
const levels = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  example: { '1': 3, '2': 1 },
  description: 'escalation level → count',
} as const;

export class BulletinOverdueItemDto {
  @ApiProperty({ format: 'uuid' }) issueId: string;
  @ApiProperty({ example: 'DH-2026-000123' }) referenceNo: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['supervision', 'proposal'] }) kind: string;
  @ApiProperty({ nullable: true, type: String, description: 'the lead unit then' }) leadUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) leadUnitName: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'the due time it was late against' })
  dueAt: string | null;
  @ApiProperty({ description: 'at the period’s end; any part of a day counts as a day' }) daysOverdue: number;
  @ApiProperty({ description: 'at the period’s end' }) escalationLevel: number;
}

export class BulletinKeyItemDto {
  @ApiProperty({ format: 'uuid' }) issueId: string;
  @ApiProperty() referenceNo: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['supervision', 'proposal'], description: 'a key issue or a key proposal' }) kind: string;
  @ApiProperty({ nullable: true, type: String }) leadUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) leadUnitName: string | null;
  @ApiProperty({ description: 'the status at the period’s end' }) status: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() escalationLevel: number;
}

export class BulletinEscalationRowDto {
  @ApiProperty() unit: string;
  @ApiProperty() unitName: string;
  @ApiProperty() total: number;
  @ApiProperty(levels) byLevel: Record<string, number>;
}

export class BulletinProposalUnitDto {
  @ApiProperty({ nullable: true, type: String }) unit: string | null;
  @ApiProperty() registered: number;
  @ApiProperty() replied: number;
  @ApiProperty(rate) replyRate: number | null;
  @ApiProperty() keyProposals: number;
  @ApiProperty() keyProposalsSupervised: number;
  @ApiProperty() closed: number;
  @ApiProperty() satisfied: number;
  @ApiProperty() basicallySatisfied: number;
  @ApiProperty() unsatisfied: number;
  @ApiProperty(rate) satisfactionRate: number | null;
}

export class BulletinProposalsDto {
  @ApiProperty({ description: 'proposals filed in the period' }) registered: number;
  @ApiProperty({ description: 'of those, replied to by the period’s end' }) replied: number;
  @ApiProperty({ ...rate, description: '答复率' }) replyRate: number | null;
  @ApiProperty() closed: number;
  @ApiProperty() keyProposals: number;
  @ApiProperty() keyProposalsSupervised: number;
  @ApiProperty() satisfied: number;
  @ApiProperty() basicallySatisfied: number;
  @ApiProperty() unsatisfied: number;
  @ApiProperty({ ...rate, description: '满意率' }) satisfactionRate: number | null;
  @ApiProperty({ type: [BulletinProposalUnitDto] }) byUnit: BulletinProposalUnitDto[];
}

export class BulletinSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-11', description: 'null for a special bulletin' })
  period: string | null;
  @ApiProperty({ enum: ['month', 'quarter', 'special'] }) kind: string;
  @ApiProperty({ example: '关于2026年11月问题直办工作情况的通报' }) title: string;
  @ApiProperty({ example: '2026年11月' }) periodLabel: string;
  @ApiProperty({ format: 'date-time', description: 'the first instant covered' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'the first instant after the period' }) to: string;
  @ApiProperty({ format: 'date-time', description: 'when the snapshot was taken; it never changes after' })
  frozenAt: string;
  @ApiProperty() createdBy: string;
}

export class BulletinDto extends BulletinSummaryDto {
  @ApiProperty({ example: '州委督查室' }) issuingOffice: string;
  @ApiProperty({ format: 'date-time', description: 'the period’s last instant, at which the board was taken' })
  asOf: string;
  @ApiProperty({ type: [AssessmentRowDto], description: 'the assessment table with the ranking' })
  units: AssessmentRowDto[];
  @ApiProperty({
    type: [BulletinOverdueItemDto],
    description: 'issues overdue at the period’s end, most overdue first',
  })
  overdue: BulletinOverdueItemDto[];
  @ApiProperty({ description: 'escalations in the period' }) escalations: number;
  @ApiProperty(levels) escalationsByLevel: Record<string, number>;
  @ApiProperty({ type: [BulletinEscalationRowDto] }) escalationsByUnit: BulletinEscalationRowDto[];
  @ApiProperty({ type: [BulletinKeyItemDto], description: 'key issues and key proposals' })
  keyIssues: BulletinKeyItemDto[];
  @ApiProperty({ type: BulletinProposalsDto }) proposals: BulletinProposalsDto;
  @ApiProperty({ description: 'how long building the snapshot took, in milliseconds' }) buildMs: number;
}

export const BulletinPageDto = PageOf(BulletinSummaryDto, 'BulletinPage');
