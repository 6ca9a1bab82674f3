import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IssueQueriesService, UnitsService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { codeParam } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { ActiveQueryDto, ListQueryDto } from '../common/list-query.dto';
import { IssuePageDto } from '../issues/issue.dto';
import { CreateUnitDto, UnitDto, UnitPageDto, UpdateUnitDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly issues: IssueQueriesService,
  ) {}

  @Post()
  @Endpoint({
    summary: 'Create a unit',
    description:
      'A responsible unit (county party committee or government, prefecture department) or the inspection office. ' +
      '`parent` is the unit an escalation climbs to.',
    who: ['admin'],
    status: 201,
    ok: UnitDto,
    errors: [400, 409],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUnitDto) {
    return this.units.create(actor, body);
  }

  @Get()
  @Endpoint({
    summary: 'List units',
    description: 'By code; `?active=` keeps only active or retired ones.',
    who: 'any',
    ok: UnitPageDto,
    errors: [400],
  })
  list(@Query() query: ActiveQueryDto) {
    return this.units.list(query.limit, query.cursor, query.active);
  }

  @Get(':code')
  @Endpoint({ summary: 'Get a unit', who: 'any', ok: UnitDto, errors: [400, 404] })
  get(@Param('code', codeParam()) code: string) {
    return this.units.get(code);
  }

  @Patch(':code')
  @Endpoint({
    summary: 'Correct, move or retire a unit',
    description:
      'Name, kind, region, `parent` (the escalation ladder; one that would loop is a 400 naming `parent`, null ' +
      'detaches it) and `active`. A retired unit gets no new issues: rules naming it as lead are skipped, rules ' +
      'naming it as a co-unit apply without it; its open issues stay until reassigned. Recorded in the audit log.',
    who: ['admin'],
    ok: UnitDto,
    errors: [400, 404],
  })
  update(@CurrentActor() actor: Actor, @Param('code', codeParam()) code: string, @Body() body: UpdateUnitDto) {
    return this.units.update(actor, code, body);
  }

  @Get(':code/inbox')
  @Endpoint({
    summary: "A unit's task queue",
    description:
      "The unit's open issues, as lead or co-unit: key issues first, then overdue ones, then by due time. A handler " +
      'reads only its own unit’s.',
    who: ['handler', 'inspector'],
    ok: IssuePageDto,
    errors: [400, 404],
  })
  inbox(@CurrentActor() actor: Actor, @Param('code', codeParam()) code: string, @Query() query: ListQueryDto) {
    return this.issues.inbox(actor, code, query.limit, query.cursor);
  }
}
