import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { IssueQueriesService, ReferenceDataService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CODE_PATTERN, isLocalDate } from '../common/codes';
import { ListQueryDto } from '../common/list-query.dto';
import { uuidParam } from '../common/uuid-param';
import {
  CalendarRangeDto,
  CreateCategoryDto,
  CreateDeadlinePolicyDto,
  CreateRegionDto,
  CreateRoutingRuleDto,
  CreateUnitDto,
  PutCalendarDayDto,
} from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateRegionDto) {
    return this.reference.createRegion(body).then(({ code, name, parentCode }) => ({ code, name, parent: parentCode }));
  }

  @Get()
  async list(@Query() query: ListQueryDto) {
    const page = await this.reference.listRegions(query.limit, query.cursor);
    return { ...page, items: page.items.map(({ code, name, parentCode }) => ({ code, name, parent: parentCode })) };
  }
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly reference: ReferenceDataService,
    private readonly issues: IssueQueriesService,
  ) {}

  @Post()
  @Roles('admin')
  async create(@Body() body: CreateUnitDto) {
    return unitView(await this.reference.createUnit(body));
  }

  @Get()
  async list(@Query() query: ListQueryDto) {
    const page = await this.reference.listUnits(query.limit, query.cursor);
    return { ...page, items: page.items.map(unitView) };
  }

  @Get(':code')
  async get(@Param('code') code: string) {
    return unitView(await this.reference.getUnit(this.code(code)));
  }

  /** The unit's open issues, as lead or co-unit: overdue first, then by due time. */
  @Get(':code/inbox')
  @Roles('handler', 'inspector')
  inbox(@CurrentActor() actor: Actor, @Param('code') code: string, @Query() query: ListQueryDto) {
    return this.issues.inbox(actor, this.code(code), query.limit, query.cursor);
  }

  private code(code: string): string {
    if (!CODE_PATTERN.test(code)) throw new BadRequestException('code must be 1-64 characters of [a-z0-9_-]');
    return code;
  }
}

function unitView(unit: { code: string; name: string; kind: string; regionCode: string; parentCode: string | null }) {
  return { code: unit.code, name: unit.name, kind: unit.kind, regionCode: unit.regionCode, parent: unit.parentCode };
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateCategoryDto) {
    return this.reference.createCategory(body).then(({ code, name }) => ({ code, name }));
  }

  @Get()
  async list(@Query() query: ListQueryDto) {
    const page = await this.reference.listCategories(query.limit, query.cursor);
    return { ...page, items: page.items.map(({ code, name }) => ({ code, name })) };
  }
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Post()
  @Roles('admin')
  async create(@Body() body: CreateRoutingRuleDto) {
    return ruleView(await this.reference.createRoutingRule(body));
  }

  @Get()
  async list(@Query() query: ListQueryDto) {
    const page = await this.reference.listRoutingRules(query.limit, query.cursor);
    return { ...page, items: page.items.map(ruleView) };
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.reference.deleteRoutingRule(id);
  }
}

function ruleView(rule: {
  id: string;
  category: string | null;
  regionCode: string | null;
  leadUnit: string;
  coUnits: string[];
  priority: number;
  createdAt: Date;
}) {
  return {
    id: rule.id,
    category: rule.category,
    regionCode: rule.regionCode,
    leadUnit: rule.leadUnit,
    coUnits: rule.coUnits,
    priority: rule.priority,
    createdAt: rule.createdAt.toISOString(),
  };
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly reference: ReferenceDataService) {}

  /** One policy per (severity, category): posting the same key again replaces it. */
  @Post()
  @Roles('admin')
  async create(@Body() body: CreateDeadlinePolicyDto) {
    return policyView(await this.reference.upsertDeadlinePolicy(body));
  }

  @Get()
  async list() {
    const items = (await this.reference.listDeadlinePolicies()).map(policyView);
    return { items, nextCursor: null };
  }
}

function policyView(policy: Awaited<ReturnType<ReferenceDataService['upsertDeadlinePolicy']>>) {
  return {
    id: policy.id,
    severity: policy.severity,
    category: policy.category,
    calendar: policy.calendar,
    acknowledgeWithin: policy.acknowledgeWithin,
    resolveWithin: policy.resolveWithin,
    remindAt: policy.remindAt,
    escalations: policy.escalations,
    verifyWithin: policy.verifyWithin,
    maxReturns: policy.maxReturns,
  };
}

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('calendar/days')
export class CalendarController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Put(':date')
  @Roles('admin')
  async put(@Param('date') date: string, @Body() body: PutCalendarDayDto) {
    if (!isLocalDate(date)) throw new BadRequestException('date must be a real calendar date as YYYY-MM-DD');
    const day = await this.reference.putCalendarDay(date, body);
    return { date: day.day, type: day.type, name: day.name };
  }

  @Get()
  async list(@Query() query: CalendarRangeDto) {
    const days = await this.reference.listCalendarDays(query.from, query.to);
    return { items: days.map((day) => ({ date: day.day, type: day.type, name: day.name })), nextCursor: null };
  }
}
