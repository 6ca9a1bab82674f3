import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeadlinePoliciesService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { uuidParam } from '../common/uuid-param';
import {
  CreateDeadlinePolicyDto,
  DeadlinePolicyDto,
  DeadlinePolicyListDto,
  UpdateDeadlinePolicyDto,
} from './reference.dto';

const KEEP = 'Open issues keep the deadlines they have (each keeps the terms it was assigned under).';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly policies: DeadlinePoliciesService) {}

  @Post()
  @Endpoint({
    summary: 'Create or replace a deadline policy',
    description:
      'One policy per (severity, category): posting the same key again replaces it. The category-and-severity ' +
      'policy wins over the severity-only one. Durations are ISO-8601; on a `working` calendar whole days count ' +
      'working days and the deadline falls at the end of the last one. `escalations[].after` counts from the due ' +
      `time. ${KEEP} Recorded in the audit log.`,
    who: ['admin'],
    status: 201,
    ok: DeadlinePolicyDto,
    errors: [400],
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDeadlinePolicyDto) {
    return this.policies.upsert(actor, body);
  }

  @Get()
  @Endpoint({ summary: 'List deadline policies', who: 'any', ok: DeadlinePolicyListDto })
  async list() {
    return { items: await this.policies.list(), nextCursor: null };
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Change a deadline policy',
    description: `Any field. ${KEEP} A severity and category another policy has is a 409. Recorded in the audit log.`,
    who: ['admin'],
    ok: DeadlinePolicyDto,
    errors: [400, 404, 409],
  })
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: UpdateDeadlinePolicyDto) {
    return this.policies.update(actor, id, body);
  }

  @Delete(':id')
  @Endpoint({
    summary: 'Delete a deadline policy',
    description: `New issues of its kind then fall to the severity-only policy, or get no deadlines. ${KEEP}`,
    who: ['admin'],
    status: 204,
    errors: [400, 404],
  })
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.policies.remove(actor, id);
  }
}
