import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsUUID,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EVIDENCE_TYPES,
  EvidenceType,
  ISSUE_KINDS,
  ISSUE_SOURCES,
  ISSUE_STATUSES,
  IssueKind,
  IssueSource,
  IssueStatus,
  RETURN_REASON_CODES,
  ReturnReasonCode,
  SATISFACTIONS,
  Satisfaction,
  SEVERITIES,
  Severity,
} from '@app/domain';
import { ISSUE_SORTS, IssueSort } from '@app/workflow';
import { IsCode, IsOptionalCodeList, IsOptionalLevel, IsRegionCode } from '../common/codes';
import { ListQueryDto } from '../common/list-query.dto';
import { PageOf } from '../common/page.dto';

export class LocationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) township?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) village?: string;
  @ApiPropertyOptional({ minimum: -90, maximum: 90 }) @IsOptional() @IsNumber() @Min(-90) @Max(90) lat?: number;
  @ApiPropertyOptional({ minimum: -180, maximum: 180 }) @IsOptional() @IsNumber() @Min(-180) @Max(180) lng?: number;
}

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_TYPES }) @IsIn(EVIDENCE_TYPES) type: EvidenceType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) uri?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'an uploaded file (POST /attachments) this item cites' })
  @IsOptional()
  @IsUUID('all', { message: 'attachmentId must be a UUID' })
  attachmentId?: string;
}

/** An evidence item as answered: an attachment's name, type and size are filled in by the service. */
export class EvidenceItemDto extends EvidenceDto {
  @ApiPropertyOptional({ example: '塌方现场.jpg' }) filename?: string;
  @ApiPropertyOptional({ example: 'image/jpeg' }) contentType?: string;
  @ApiPropertyOptional() size?: number;
}

/** Optional evidence: a list of objects, each validated (nested arrays are refused, not stored). */
const IsEvidenceList = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [EvidenceDto] }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => EvidenceDto),
  );

export class FileIssueDto {
  @ApiPropertyOptional({ enum: ISSUE_KINDS, default: 'supervision' }) @IsOptional() @IsIn(ISSUE_KINDS) kind?: IssueKind;
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ maxLength: 10000 }) @IsString() @IsNotEmpty() @MaxLength(10000) description: string;
  @ApiProperty({ example: 'rural_roads' }) @IsCode() category: string;
  @ApiProperty({ example: '522302' }) @IsRegionCode() regionCode: string;
  @ApiProperty({ enum: SEVERITIES }) @IsIn(SEVERITIES) severity: Severity;
  @ApiProperty({ enum: ISSUE_SOURCES }) @IsIn(ISSUE_SOURCES) source: IssueSource;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @IsEvidenceList()
  evidence?: EvidenceDto[];
}

export class ReturnIssueDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
  @ApiPropertyOptional({ enum: RETURN_REASON_CODES, default: 'other' })
  @IsOptional()
  @IsIn(RETURN_REASON_CODES)
  reasonCode?: ReturnReasonCode;
}

export class ProgressDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(10000) note: string;
}

export class RectificationDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(10000) summary: string;

  @IsEvidenceList()
  evidence?: EvidenceDto[];
}

export class VerificationDto {
  @ApiProperty({ enum: ['accepted', 'rejected'] }) @IsIn(['accepted', 'rejected']) outcome: 'accepted' | 'rejected';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) comment?: string;
  @ApiPropertyOptional({ enum: SATISFACTIONS }) @IsOptional() @IsIn(SATISFACTIONS) satisfaction?: Satisfaction;
  @ApiPropertyOptional({ description: 'new due time after a rejection; default from the policy' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export class AssignDto {
  @ApiProperty() @IsCode() leadUnit: string;
  @IsOptionalCodeList()
  coUnits?: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class ExtensionRequestDto {
  @ApiProperty({ format: 'date-time', description: 'the later deadline the unit asks for' })
  @IsISO8601({ strict: true })
  requestedDueAt: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class ExtensionDecisionDto {
  @ApiProperty() @IsBoolean() approved: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class SupervisionNoticeDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(10000) note: string;
}

export class KeyDto {
  @ApiProperty() @IsBoolean() isKey: boolean;
}

export class ExtensionRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) issueId: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiProperty() unit: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedDueAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) previousDueAt: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** Commands without fields still refuse unknown ones. */
export class EmptyBodyDto {}

export class WithdrawDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class IssueListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'key issues and key proposals only (or none of them)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'isKey must be true or false' })
  isKey?: boolean;
  @ApiPropertyOptional({ maxLength: 100, description: 'text in the title, or a reference number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: ISSUE_SORTS, default: '-filedAt', description: '`-` for newest / latest first' })
  @IsOptional()
  @IsIn(ISSUE_SORTS)
  sort?: IssueSort;
  @ApiPropertyOptional({ enum: ISSUE_STATUSES }) @IsOptional() @IsIn(ISSUE_STATUSES) status?: IssueStatus;
  @ApiPropertyOptional({ enum: ISSUE_KINDS }) @IsOptional() @IsIn(ISSUE_KINDS) kind?: IssueKind;
  @ApiPropertyOptional() @IsOptional() @IsCode() leadUnit?: string;
  @ApiPropertyOptional() @IsOptional() @IsCode() category?: string;
  @ApiPropertyOptional() @IsOptional() @IsRegionCode() regionCode?: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
  @IsOptionalLevel() escalationLevel?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) filedBy?: string;
}

export class IssueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'DH-2026-000123' }) referenceNo: string;
  @ApiProperty({ enum: ISSUE_KINDS }) kind: IssueKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() category: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ enum: ISSUE_SOURCES }) source: IssueSource;
  @ApiProperty({ type: LocationDto }) location: LocationDto;
  @ApiProperty({ type: [EvidenceItemDto] }) evidence: EvidenceItemDto[];
  @ApiProperty({ enum: ISSUE_STATUSES }) status: IssueStatus;
  @ApiProperty({ nullable: true, type: String }) leadUnit: string | null;
  @ApiProperty({ type: [String] }) coUnits: string[];
  @ApiProperty() filedBy: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) assignedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgeDueAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'the first reminder: from here the issue is blue on the board',
  })
  remindFromAt: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'the last reminder: from here, until overdue, it is yellow',
  })
  remindLastAt: string | null;
  @ApiProperty() escalationLevel: number;
  @ApiProperty() reopenCount: number;
  @ApiProperty() returnCount: number;
  @ApiProperty() isKey: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty() version: number;
}

export class IssuePageDto {
  @ApiProperty({ type: [IssueDto] }) items: IssueDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class TimelineItemDto {
  @ApiProperty({ format: 'uuid', description: 'the event id, as in webhooks (X-Event-Id) and the ledger' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty() type: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: { username: 'xingren-handler', role: 'handler' } }) actor: {
    username: string;
    role?: string;
  };
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
}

export class TimelineDto {
  @ApiProperty({ type: [TimelineItemDto] }) items: TimelineItemDto[];
}

export class ExtensionRequestListDto {
  @ApiProperty({ type: [ExtensionRequestViewDto] }) items: ExtensionRequestViewDto[];
}

export const ExtensionRequestPageDto = PageOf(ExtensionRequestViewDto, 'ExtensionRequestPage');
