import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RegionsService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { regionParam } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { CreateRegionDto, RegionDto, RegionPageDto, UpdateRegionDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Post()
  @Endpoint({
    summary: 'Create a region',
    description: 'An administrative division (6-digit GB/T 2260 code) under an optional parent: prefecture → county.',
    who: ['admin'],
    status: 201,
    ok: RegionDto,
    errors: [400, 409],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRegionDto) {
    return this.regions.create(actor, body);
  }

  @Get()
  @Endpoint({
    summary: 'List regions',
    description: 'By code; each names its parent, so a client builds the tree.',
    who: 'any',
    ok: RegionPageDto,
    errors: [400],
  })
  list(@Query() query: ListQueryDto) {
    return this.regions.list(query.limit, query.cursor);
  }

  @Patch(':code')
  @Endpoint({
    summary: 'Rename a region',
    description: 'Recorded in the audit log.',
    who: ['admin'],
    ok: RegionDto,
    errors: [400, 404],
  })
  update(@CurrentActor() actor: Actor, @Param('code', regionParam()) code: string, @Body() body: UpdateRegionDto) {
    return this.regions.update(actor, code, body);
  }
}
