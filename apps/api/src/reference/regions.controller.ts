import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceDataService } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { CreateRegionDto, RegionDto, RegionPageDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Post()
  @Endpoint({
    summary: 'Create a region',
    description: 'An administrative division (6-digit GB/T 2260 code) under an optional parent: prefecture → county.',
    who: ['admin'],
    status: 201,
    ok: RegionDto,
    errors: [400, 409],
  })
  create(@Body() body: CreateRegionDto) {
    return this.reference.createRegion(body);
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
    return this.reference.listRegions(query.limit, query.cursor);
  }
}
