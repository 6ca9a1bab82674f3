import { BadRequestException, Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AssessmentService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { codeParam } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { sendFile } from '../common/send-file';
import {
  AssessmentTableDto,
  AssessmentUnitDto,
  EvaluationAnswerDto,
  EvaluationDto,
  ExportQueryDto,
  RangeQueryDto,
  RuleSetAnswerDto,
  RuleSetDto,
} from './assessment.dto';

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('assessment')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get('units')
  @Endpoint({
    summary: 'The assessment table (目标绩效考核)',
    description:
      'Per unit, for the period (default: this year): counts, the published indicators (签收率, 按时办结率, 满意率, ' +
      '退单率, 重办率), the score (base + ledger) and the rank.',
    who: ['inspector', 'admin'],
    ok: AssessmentTableDto,
    errors: [400],
  })
  async units(@Query() query: RangeQueryDto) {
    const range = this.assessment.range(query.from, query.to);
    return { from: range.from.toISOString(), to: range.to.toISOString(), items: await this.assessment.table(range) };
  }

  @Get('units/:code')
  @Endpoint({
    summary: "A unit's score, point by point",
    description:
      'The table row plus every ledger row, whose points sum to `score - base`. A handler: its own unit only.',
    who: ['inspector', 'admin', 'handler'],
    ok: AssessmentUnitDto,
    errors: [400, 404],
  })
  unit(@CurrentActor() actor: Actor, @Param('code', codeParam()) code: string, @Query() query: RangeQueryDto) {
    return this.assessment.unit(actor, code, this.assessment.range(query.from, query.to));
  }

  @Get('export')
  @Endpoint({
    summary: 'Export the table',
    description: 'CSV in UTF-8 with a byte-order mark (spreadsheets show Chinese unit names), or JSON.',
    who: ['inspector', 'admin'],
    okDescription: 'the file, as an attachment',
    errors: [400],
  })
  async export(@Query() query: ExportQueryDto, @Res() response: Response) {
    const file = await this.assessment.export(this.assessment.range(query.from, query.to), query.format ?? 'csv');
    sendFile(response, file);
  }

  @Get('rules')
  @Endpoint({ summary: 'The scoring rules in force', who: ['admin'], ok: RuleSetAnswerDto })
  rules() {
    return this.assessment.rules();
  }

  @Put('rules')
  @Endpoint({
    summary: 'Replace the scoring rules',
    description:
      'A new version: events after it score under it, and each ledger row keeps the version it used. `when` matches ' +
      'the event data key by key (e.g. `{"level": 2}`).',
    who: ['admin'],
    ok: RuleSetAnswerDto,
    errors: [400],
  })
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
  @Endpoint({
    summary: 'Record a democratic evaluation',
    description: 'A score (0–100) for a unit and period (`YYYY` or `YYYY-Qn`); it enters the score with a weight.',
    who: ['inspector'],
    status: 201,
    ok: EvaluationAnswerDto,
    errors: [400, 409],
  })
  evaluate(@CurrentActor() actor: Actor, @Body() body: EvaluationDto) {
    return this.assessment.evaluate(actor, body);
  }
}
