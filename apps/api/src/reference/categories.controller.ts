import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CategoriesService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { codeParam } from '../common/codes';
import { Endpoint } from '../common/endpoint';
import { ActiveQueryDto } from '../common/list-query.dto';
import { CategoryDto, CategoryPageDto, CreateCategoryDto, UpdateCategoryDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Post()
  @Endpoint({
    summary: 'Create a category',
    description: 'A kind of problem (rural road maintenance, work safety, …) that routing rules and policies name.',
    who: ['admin'],
    status: 201,
    ok: CategoryDto,
    errors: [400, 409],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCategoryDto) {
    return this.categories.create(actor, body);
  }

  @Get()
  @Endpoint({
    summary: 'List categories',
    description: 'By code; `?active=` keeps only active or retired ones.',
    who: 'any',
    ok: CategoryPageDto,
    errors: [400],
  })
  list(@Query() query: ActiveQueryDto) {
    return this.categories.list(query.limit, query.cursor, query.active);
  }

  @Patch(':code')
  @Endpoint({
    summary: 'Rename or retire a category',
    description: 'Filing an issue under a retired category is refused (400). Recorded in the audit log.',
    who: ['admin'],
    ok: CategoryDto,
    errors: [400, 404],
  })
  update(@CurrentActor() actor: Actor, @Param('code', codeParam()) code: string, @Body() body: UpdateCategoryDto) {
    return this.categories.update(actor, code, body);
  }
}
