import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ExtensionCommands,
  FilingCommands,
  HandlingCommands,
  InspectorCommands,
  IssueQueriesService,
  IssueView,
  Page,
  VerificationCommands,
} from '@app/workflow';
import type { Actor, CommandOptions } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { uuidParam } from '../common/uuid-param';
import {
  AssignDto,
  EmptyBodyDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ExtensionRequestViewDto,
  KeyDto,
  SupervisionNoticeDto,
  FileIssueDto,
  IssueDto,
  IssueListQueryDto,
  IssuePageDto,
  ProgressDto,
  RectificationDto,
  ReturnIssueDto,
  TimelineDto,
  VerificationDto,
  WithdrawDto,
} from './issue.dto';

/** `If-Match: 3`, `"3"` or `W/"3"`: the version the client last saw. */
function commandOptions(ifMatch: string | undefined): CommandOptions {
  if (ifMatch === undefined) return {};
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (!match) throw new BadRequestException('If-Match must be an issue version number');
  return { ifMatch: Number(match[1]) };
}

// Lower case, as @Headers reads it, so the document has one optional header and not a required twin.
const IF_MATCH = ApiHeader({ name: 'if-match', required: false, description: 'the issue version; 412 if it moved on' });

@ApiTags('issues')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'no such issue, or not visible to this user' })
@Controller('issues')
export class IssuesController {
  constructor(
    private readonly filing: FilingCommands,
    private readonly handling: HandlingCommands,
    private readonly verifying: VerificationCommands,
    private readonly extensions: ExtensionCommands,
    private readonly inspector: InspectorCommands,
    private readonly queries: IssueQueriesService,
  ) {}

  @Post()
  @Roles('supervisor', 'inspector')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key returns the first result' })
  @ApiCreatedResponse({ type: IssueDto })
  async file(
    @CurrentActor() actor: Actor,
    @Body() body: FileIssueDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssueView> {
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 200)) {
      throw new BadRequestException('Idempotency-Key must be 1-200 characters');
    }
    const { issue, replayed } = await this.filing.file(actor, body, idempotencyKey);
    response.status(201);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return issue;
  }

  @Get()
  @ApiOkResponse({ type: IssuePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: IssueListQueryDto): Promise<Page<IssueView>> {
    const { limit, cursor, ...filter } = query;
    return this.queries.list(actor, filter, limit, cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: IssueDto })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<IssueView> {
    return this.queries.get(actor, id);
  }

  @Get(':id/timeline')
  @ApiOkResponse({ type: TimelineDto })
  timeline(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.timeline(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('handler')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  @ApiConflictResponse({ description: 'not in status assigned' })
  @ApiPreconditionFailedResponse()
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() _body: EmptyBodyDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.acknowledge(actor, id, commandOptions(ifMatch));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('handler')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  returnIssue(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReturnIssueDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.returnIssue(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Roles('handler')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  progress(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ProgressDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.reportProgress(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/rectification')
  @HttpCode(200)
  @Roles('handler')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  rectification(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: RectificationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.submitRectification(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/verification')
  @HttpCode(200)
  @Roles('supervisor', 'inspector')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  verification(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: VerificationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.verifying.verify(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('inspector')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: AssignDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.inspector.assign(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('supervisor', 'inspector')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: WithdrawDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.filing.withdraw(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/extension-requests')
  @HttpCode(201)
  @Roles('handler')
  @IF_MATCH
  @ApiCreatedResponse({ type: ExtensionRequestViewDto })
  requestExtension(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ExtensionRequestDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.extensions.requestExtension(actor, id, body, commandOptions(ifMatch));
  }

  @Get(':id/extension-requests')
  @ApiOkResponse({ type: [ExtensionRequestViewDto] })
  extensionRequests(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.extensionRequests(actor, id);
  }

  @Post(':id/extension-requests/:requestId/decision')
  @HttpCode(200)
  @Roles('inspector')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  decideExtension(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: ExtensionDecisionDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.extensions.decideExtension(actor, id, requestId, body, commandOptions(ifMatch));
  }

  @Post(':id/supervision-notices')
  @HttpCode(200)
  @Roles('inspector')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  supervisionNotice(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SupervisionNoticeDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.inspector.issueSupervisionNotice(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/key')
  @HttpCode(200)
  @Roles('inspector')
  @IF_MATCH
  @ApiOkResponse({ type: IssueDto })
  markKey(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: KeyDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.inspector.markKey(actor, id, body, commandOptions(ifMatch));
  }
}
