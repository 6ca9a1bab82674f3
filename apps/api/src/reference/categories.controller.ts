import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceDataService } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { ActiveQueryDto } from '../common/list-query.dto';
import { CategoryDto, CategoryPageDto, CreateCategoryDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Post()
  @Endpoint({
    summary: 'Create a category',
    description: 'A kind of problem (rural road maintenance, work safety, …) that routing rules and policies name.',
    who: ['admin'],
    status: 201,
    ok: CategoryDto,
    errors: [400, 409],
  })
  create(@Body() body: CreateCategoryDto) {
    return this.reference.createCategory(body);
  }

  @Get()
  @Endpoint({ summary: 'List categories', description: 'By code.', who: 'any', ok: CategoryPageDto, errors: [400] })
  list(@Query() query: ActiveQueryDto) {
    return this.reference.listCategories(query.limit, query.cursor, query.active);
  }
}
