import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IssueQueriesService } from '@app/workflow';
import { Roles } from '../auth/auth.decorators';
import { ListQueryDto } from '../common/list-query.dto';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

export class ExtensionRequestQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
}

@ApiTags('issues')
@ApiBearerAuth()
@Roles('inspector')
@Controller('extension-requests')
export class ExtensionRequestsController {
  constructor(private readonly queries: IssueQueriesService) {}

  /** Every issue's extension requests, oldest first; `?status=pending` is the queue of decisions to make. */
  @Get()
  list(@Query() query: ExtensionRequestQueryDto) {
    return this.queries.allExtensionRequests(query.status, query.limit, query.cursor);
  }
}
