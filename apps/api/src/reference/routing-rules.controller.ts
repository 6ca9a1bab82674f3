import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoutingRulesService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { uuidParam } from '../common/uuid-param';
import {
  CreateRoutingRuleDto,
  ExplainQueryDto,
  RoutingExplanationDto,
  RoutingRuleDto,
  RoutingRulePageDto,
  UpdateRoutingRuleDto,
} from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Post()
  @Endpoint({
    summary: 'Create a routing rule',
    description:
      'Maps (category, region) to a lead unit and co-units. The most specific rule wins: category and region before ' +
      'region alone before category alone, a nearer region first, then the higher priority, then the older rule. A ' +
      "rule's region matches the issue's region or any region above it. Recorded in the audit log.",
    who: ['admin'],
    status: 201,
    ok: RoutingRuleDto,
    errors: [400],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRoutingRuleDto) {
    return this.rules.create(actor, body);
  }

  @Get()
  @Endpoint({
    summary: 'List routing rules',
    description: 'Oldest first.',
    who: 'any',
    ok: RoutingRulePageDto,
    errors: [400],
  })
  list(@Query() query: ListQueryDto) {
    return this.rules.list(query.limit, query.cursor);
  }

  @Get('explain')
  @Endpoint({
    summary: 'Which unit gets such an issue, and why',
    description:
      'For an issue of this category filed in this region: the winning rule (null: triage) and every rule naming ' +
      'the category, a region on the chain, or neither, with whether it applies and why it won or lost — the ' +
      'answer to "why did this go to us?".',
    who: ['admin', 'inspector'],
    ok: RoutingExplanationDto,
    errors: [400],
  })
  explain(@Query() query: ExplainQueryDto) {
    return this.rules.explain(query.category, query.regionCode);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Change a routing rule',
    description: 'Any field of the rule; issues already routed stay where they are. Recorded in the audit log.',
    who: ['admin'],
    ok: RoutingRuleDto,
    errors: [400, 404],
  })
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: UpdateRoutingRuleDto) {
    return this.rules.update(actor, id, body);
  }

  @Delete(':id')
  @Endpoint({
    summary: 'Delete a routing rule',
    description: 'Recorded in the audit log.',
    who: ['admin'],
    status: 204,
    errors: [400, 404],
  })
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.rules.remove(actor, id);
  }
}
