import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SEVERITIES, Severity, UNIT_KINDS, UnitKind } from '@app/domain';
import { IsCode, IsLocalDate, IsOptionalCodeList, IsRegionCode } from '../common/codes';
import { PageOf } from '../common/page.dto';

export class CreateRegionDto {
  @ApiProperty({ example: '522302' }) @IsRegionCode() code: string;
  @ApiProperty({ example: '兴仁市' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: '522300' }) @IsOptional() @IsRegionCode() parent?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'xingren-gov' }) @IsCode() code: string;
  @ApiProperty({ example: '兴仁市人民政府' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: UnitKind;
  @ApiProperty({ example: '522302' }) @IsRegionCode() regionCode: string;
  @ApiPropertyOptional({ description: 'the unit an escalation climbs to' }) @IsOptional() @IsCode() parent?: string;
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'rural_roads' }) @IsCode() code: string;
  @ApiProperty({ example: '农村公路管护' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}

export class CreateRoutingRuleDto {
  @ApiPropertyOptional() @IsOptional() @IsCode() category?: string;
  @ApiPropertyOptional() @IsOptional() @IsRegionCode() regionCode?: string;
  @ApiProperty() @IsCode() leadUnit: string;
  @IsOptionalCodeList()
  coUnits?: string[];
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(-1_000_000) @Max(1_000_000) priority?: number;
}

export class EscalationStepDto {
  @ApiProperty({ example: 'PT0S', description: 'ISO-8601 duration counted from the due time' })
  @IsString()
  @MaxLength(64)
  after: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) level: number;
}

export class CreateDeadlinePolicyDto {
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity: Severity;
  @ApiPropertyOptional() @IsOptional() @IsCode() category?: string;
  @ApiProperty({ enum: ['working', 'natural'] }) @IsIn(['working', 'natural']) calendar: 'working' | 'natural';
  @ApiProperty({ example: 'P1D' }) @IsString() @MaxLength(64) acknowledgeWithin: string;
  @ApiProperty({ example: 'P15D' }) @IsString() @MaxLength(64) resolveWithin: string;

  @ApiPropertyOptional({ type: [Number], example: [0.5, 0.8], description: 'fractions of the resolve time' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @Min(0.01, { each: true })
  @Max(0.99, { each: true })
  remindAt?: number[];

  @ApiProperty({ type: [EscalationStepDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalations: EscalationStepDto[];

  @ApiPropertyOptional({ example: 'P5D' }) @IsOptional() @IsString() @MaxLength(64) verifyWithin?: string;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsInt() @Min(1) @Max(20) maxReturns?: number;
}

export class UpdateRegionDto {
  @ApiPropertyOptional({ example: '兴仁市' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @ApiPropertyOptional() @IsOptional() @IsRegionCode() regionCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null detaches it from the ladder' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCode()
  parent?: string | null;
  @ApiPropertyOptional({ description: 'false retires the unit: no new issues, its rules skipped' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: 'false retires it: filing under it is refused' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateRoutingRuleDto {
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCode()
  category?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsRegionCode()
  regionCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsCode() leadUnit?: string;
  @IsOptionalCodeList()
  coUnits?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(-1_000_000) @Max(1_000_000) priority?: number;
}

export class UpdateDeadlinePolicyDto {
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCode()
  category?: string | null;
  @ApiPropertyOptional({ enum: ['working', 'natural'] })
  @IsOptional()
  @IsIn(['working', 'natural'])
  calendar?: 'working' | 'natural';
  @ApiPropertyOptional({ example: 'P1D' }) @IsOptional() @IsString() @MaxLength(64) acknowledgeWithin?: string;
  @ApiPropertyOptional({ example: 'P15D' }) @IsOptional() @IsString() @MaxLength(64) resolveWithin?: string;
  @ApiPropertyOptional({ type: [Number], example: [0.5, 0.8] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  @Min(0.01, { each: true })
  @Max(0.99, { each: true })
  remindAt?: number[];
  @ApiPropertyOptional({ type: [EscalationStepDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalations?: EscalationStepDto[];
  @ApiPropertyOptional({ example: 'P5D' }) @IsOptional() @IsString() @MaxLength(64) verifyWithin?: string;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsInt() @Min(1) @Max(20) maxReturns?: number;
}

export class CalendarYearDayDto {
  @ApiProperty({ example: '2027-10-01' }) @IsLocalDate() date: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) @IsIn(['holiday', 'workday']) type: 'holiday' | 'workday';
  @ApiPropertyOptional({ example: '国庆节' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
}

export class PutCalendarYearDto {
  @ApiProperty({ type: [CalendarYearDayDto] })
  @IsArray()
  @ArrayMaxSize(366)
  @IsObject({ each: true, message: 'days must be a list of {date, type, name?}' })
  @ValidateNested({ each: true })
  @Type(() => CalendarYearDayDto)
  days: CalendarYearDayDto[];
}

export class ExplainQueryDto {
  @ApiProperty({ example: 'rural_roads' }) @IsCode() category: string;
  @ApiProperty({ example: '522302' }) @IsRegionCode() regionCode: string;
}

export class PutCalendarDayDto {
  @ApiProperty({ enum: ['holiday', 'workday'] }) @IsIn(['holiday', 'workday']) type: 'holiday' | 'workday';
  @ApiPropertyOptional({ example: '国庆节' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
}

export class CalendarRangeDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsLocalDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsLocalDate() to?: string;
}

// Answers, as the OpenAPI document (and the web app's generated client) describes them.

export class RegionDto {
  @ApiProperty({ example: '522302' }) code: string;
  @ApiProperty({ example: '兴仁市' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: '522300' }) parent: string | null;
}

export class UnitDto {
  @ApiProperty({ example: 'xingren-gov' }) code: string;
  @ApiProperty({ example: '兴仁市人民政府' }) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ example: '522302' }) regionCode: string;
  @ApiProperty({ nullable: true, type: String, description: 'the unit an escalation climbs to' }) parent: string | null;
  @ApiProperty({ description: 'a retired unit gets no new issues' }) active: boolean;
}

export class CategoryDto {
  @ApiProperty({ example: 'rural_roads' }) code: string;
  @ApiProperty({ example: '农村公路管护' }) name: string;
  @ApiProperty({ description: 'an issue cannot be filed under a retired category' }) active: boolean;
}

export class RoutingRuleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty() leadUnit: string;
  @ApiProperty({ type: [String] }) coUnits: string[];
  @ApiProperty() priority: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DeadlinePolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ enum: ['working', 'natural'] }) calendar: 'working' | 'natural';
  @ApiProperty({ example: 'P1D' }) acknowledgeWithin: string;
  @ApiProperty({ example: 'P15D' }) resolveWithin: string;
  @ApiProperty({ type: [Number], example: [0.5, 0.8] }) remindAt: number[];
  @ApiProperty({ type: [EscalationStepDto] }) escalations: EscalationStepDto[];
  @ApiProperty({ example: 'P5D' }) verifyWithin: string;
  @ApiProperty({ example: 2 }) maxReturns: number;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' }) date: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) type: 'holiday' | 'workday';
  @ApiProperty({ nullable: true, type: String, example: '国庆节' }) name: string | null;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ type: [CalendarDayDto] }) days: CalendarDayDto[];
}

const VERDICTS = [
  'won',
  'less_specific',
  'farther_region',
  'lower_priority',
  'newer',
  'category_differs',
  'region_not_on_chain',
  'lead_unit_retired',
];

export class RuleCandidateDto {
  @ApiProperty({ type: RoutingRuleDto }) rule: RoutingRuleDto;
  @ApiProperty({ description: 'whether the rule applies to such an issue' }) matched: boolean;
  @ApiProperty({ enum: VERDICTS, description: 'why it won, lost or does not apply' }) reason: string;
  @ApiProperty({ description: 'the same, in an English sentence' }) detail: string;
}

export class RoutingExplanationDto {
  @ApiProperty({ nullable: true, type: String, description: 'null: no rule applies, the issue goes to triage' })
  leadUnit: string | null;
  @ApiProperty({ type: [String] }) coUnits: string[];
  @ApiProperty({ type: RoutingRuleDto, nullable: true }) rule: RoutingRuleDto | null;
  @ApiProperty({ type: [RuleCandidateDto] }) candidates: RuleCandidateDto[];
}

export const RegionPageDto = PageOf(RegionDto, 'RegionPage');
export const UnitPageDto = PageOf(UnitDto, 'UnitPage');
export const CategoryPageDto = PageOf(CategoryDto, 'CategoryPage');
export const RoutingRulePageDto = PageOf(RoutingRuleDto, 'RoutingRulePage');
export const DeadlinePolicyListDto = PageOf(DeadlinePolicyDto, 'DeadlinePolicyList');
export const CalendarDayListDto = PageOf(CalendarDayDto, 'CalendarDayList');
