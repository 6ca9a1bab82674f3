import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IssueQueriesService } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { ExtensionRequestPageDto } from './issue.dto';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

export class ExtensionRequestQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
}

@ApiTags('issues')
@ApiBearerAuth()
@Controller('extension-requests')
export class ExtensionRequestsController {
  constructor(private readonly queries: IssueQueriesService) {}

  @Get()
  @Endpoint({
    summary: 'Extension requests across issues',
    description: "Oldest first; `?status=pending` is the inspection office's queue of decisions to make.",
    who: ['inspector'],
    ok: ExtensionRequestPageDto,
    errors: [400],
  })
  list(@Query() query: ExtensionRequestQueryDto) {
    return this.queries.allExtensionRequests(query.status, query.limit, query.cursor);
  }
}
