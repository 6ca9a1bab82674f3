import { BadRequestException, Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
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
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { uuidParam } from '../common/uuid-param';
import {
  AssignDto,
  EmptyBodyDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ExtensionRequestListDto,
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
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key returns the first result' })
  @Endpoint({
    summary: 'File an issue',
    description:
      "A problem found in supervision (or a member's proposal). It goes straight to the responsible unit: routing " +
      'takes milliseconds, asynchronously, so the answer is still `filed`. The same `Idempotency-Key` from the same ' +
      'user answers the first result (same id, header `Idempotent-Replayed: true`), never a second issue.',
    who: ['supervisor', 'inspector'],
    status: 201,
    ok: IssueDto,
    errors: [400, 413],
  })
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
  @Endpoint({
    summary: 'List issues',
    description:
      "Newest filed first, filtered, scoped to the caller: a supervisor sees what it filed, a handler its unit's " +
      'issues (lead or co-unit), inspectors and admins everything.',
    who: 'any',
    ok: IssuePageDto,
    errors: [400],
  })
  list(@CurrentActor() actor: Actor, @Query() query: IssueListQueryDto): Promise<Page<IssueView>> {
    const { limit, cursor, sort, ...filter } = query;
    return this.queries.list(actor, filter, limit, cursor, sort);
  }

  @Get(':id')
  @Endpoint({ summary: 'Get an issue', who: 'any', ok: IssueDto, errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<IssueView> {
    return this.queries.get(actor, id);
  }

  @Get(':id/timeline')
  @Endpoint({
    summary: "An issue's timeline",
    description:
      'Every event, oldest first: who did what when. `actor` is `{username: "system"}` for timers and routing.',
    who: 'any',
    ok: TimelineDto,
    errors: [400, 404],
  })
  timeline(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.timeline(actor, id);
  }

  @Post(':id/acknowledge')
  @IF_MATCH
  @Endpoint({
    summary: 'Acknowledge (签收)',
    description: 'The lead unit takes the issue on: `assigned` → `in_progress`.',
    who: ['handler'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() _body: EmptyBodyDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.acknowledge(actor, id, commandOptions(ifMatch));
  }

  @Post(':id/return')
  @IF_MATCH
  @Endpoint({
    summary: 'Return a misrouted issue (退回)',
    description:
      'The lead unit says it is not theirs. The issue is routed again without that unit (`assigned`, or `triage` ' +
      "when no rule is left or the policy's `maxReturns` is reached).",
    who: ['handler'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  returnIssue(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReturnIssueDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.returnIssue(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/progress')
  @IF_MATCH
  @Endpoint({
    summary: 'Report progress',
    description: 'A note from the lead unit or a co-unit; the status stays `in_progress`.',
    who: ['handler'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  progress(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ProgressDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.reportProgress(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/rectification')
  @IF_MATCH
  @Endpoint({
    summary: 'Submit the rectification (整改)',
    description:
      'The fix, with evidence: `in_progress` → `rectification_submitted`. Submitting meets the resolve deadline; ' +
      "the filer verifies it, or it is accepted after the policy's `verifyWithin`.",
    who: ['handler'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  rectification(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: RectificationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.handling.submitRectification(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/verification')
  @IF_MATCH
  @Endpoint({
    summary: 'Verify the rectification (核查)',
    description:
      'Its filer, or an inspector: `accepted` closes it; `rejected` reopens it (`in_progress`, `reopenCount` + 1) ' +
      "with a new due date (`dueAt`, or the policy's).",
    who: ['supervisor', 'inspector'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  verification(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: VerificationDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.verifying.verify(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/assign')
  @IF_MATCH
  @Endpoint({
    summary: 'Assign by hand',
    description: 'The inspection office routes a `triage` issue, or moves an open one to another unit.',
    who: ['inspector'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: AssignDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.inspector.assign(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/withdraw')
  @IF_MATCH
  @Endpoint({
    summary: 'Withdraw an issue',
    description: 'Its filer, or an inspector, on any open issue.',
    who: ['supervisor', 'inspector'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: WithdrawDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.filing.withdraw(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/extension-requests')
  @IF_MATCH
  @Endpoint({
    summary: 'Ask for more time (延期申请)',
    description: 'The lead unit asks for a later due date; an inspector decides. One pending request at a time.',
    who: ['handler'],
    status: 201,
    ok: ExtensionRequestViewDto,
    errors: [400, 404, 409, 412],
  })
  requestExtension(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ExtensionRequestDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.extensions.requestExtension(actor, id, body, commandOptions(ifMatch));
  }

  @Get(':id/extension-requests')
  @Endpoint({
    summary: "An issue's extension requests",
    description: 'Oldest first.',
    who: 'any',
    ok: ExtensionRequestListDto,
    errors: [400, 404],
  })
  extensionRequests(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.queries.extensionRequests(actor, id);
  }

  @Post(':id/extension-requests/:requestId/decision')
  @IF_MATCH
  @Endpoint({
    summary: 'Decide an extension request',
    description: 'Approved: `dueAt` moves to the requested time and the timers follow. The unit is notified.',
    who: ['inspector'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
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
  @IF_MATCH
  @Endpoint({
    summary: 'Issue a supervision notice (督办通知)',
    description: "An inspector's formal notice on an open issue; the lead unit is notified.",
    who: ['inspector'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  supervisionNotice(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SupervisionNoticeDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.inspector.issueSupervisionNotice(actor, id, body, commandOptions(ifMatch));
  }

  @Post(':id/key')
  @IF_MATCH
  @Endpoint({
    summary: 'Mark a key issue or key proposal',
    description: 'Key items lead inboxes and the oversight summary.',
    who: ['inspector'],
    ok: IssueDto,
    errors: [400, 404, 409, 412],
  })
  markKey(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: KeyDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.inspector.markKey(actor, id, body, commandOptions(ifMatch));
  }
}
