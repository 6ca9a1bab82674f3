import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceDataService } from '@app/workflow';
import { Endpoint } from '../common/endpoint';
import { CreateDeadlinePolicyDto, DeadlinePolicyDto, DeadlinePolicyListDto } from './reference.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Post()
  @Endpoint({
    summary: 'Create or replace a deadline policy',
    description:
      'One policy per (severity, category): posting the same key again replaces it. The category-and-severity ' +
      'policy wins over the severity-only one. Durations are ISO-8601; on a `working` calendar whole days count ' +
      'working days and the deadline falls at the end of the last one. `escalations[].after` counts from the due time.',
    who: ['admin'],
    status: 201,
    ok: DeadlinePolicyDto,
    errors: [400],
  })
  create(@Body() body: CreateDeadlinePolicyDto) {
    return this.reference.upsertDeadlinePolicy(body);
  }

  @Get()
  @Endpoint({ summary: 'List deadline policies', who: 'any', ok: DeadlinePolicyListDto })
  async list() {
    return { items: await this.reference.listDeadlinePolicies(), nextCursor: null };
  }
}
