import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IssueQueriesService, ReferenceDataService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { codeParam } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { ActiveQueryDto, ListQueryDto } from '../common/list-query.dto';
import { IssuePageDto } from '../issues/issue.dto';
import { CreateUnitDto, UnitDto, UnitPageDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly reference: ReferenceDataService,
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
  create(@Body() body: CreateUnitDto) {
    return this.reference.createUnit(body);
  }

  @Get()
  @Endpoint({ summary: 'List units', description: 'By code.', who: 'any', ok: UnitPageDto, errors: [400] })
  list(@Query() query: ActiveQueryDto) {
    return this.reference.listUnits(query.limit, query.cursor, query.active);
  }

  @Get(':code')
  @Endpoint({ summary: 'Get a unit', who: 'any', ok: UnitDto, errors: [400, 404] })
  get(@Param('code', codeParam()) code: string) {
    return this.reference.getUnit(code);
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
