import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceDataService } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { uuidParam } from '../common/uuid-param';
import { CreateRoutingRuleDto, RoutingRuleDto, RoutingRulePageDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('routing-rules')
export class RoutingRulesController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Post()
  @Endpoint({
    summary: 'Create a routing rule',
    description:
      'Maps (category, region) to a lead unit and co-units. The most specific rule wins: category and region before ' +
      'region alone before category alone, a nearer region first, then the higher priority, then the older rule. A ' +
      "rule's region matches the issue's region or any region above it.",
    who: ['admin'],
    status: 201,
    ok: RoutingRuleDto,
    errors: [400],
  })
  create(@Body() body: CreateRoutingRuleDto) {
    return this.reference.createRoutingRule(body);
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
    return this.reference.listRoutingRules(query.limit, query.cursor);
  }

  @Delete(':id')
  @Endpoint({ summary: 'Delete a routing rule', who: ['admin'], status: 204, errors: [400, 404] })
  async remove(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.reference.deleteRoutingRule(id);
  }
}
