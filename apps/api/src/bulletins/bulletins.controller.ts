import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BulletinsService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { ListQueryDto } from '../common/list-query.dto';
import { sendFile } from '../common/send-file';
import { uuidParam } from '../common/uuid-param';
import { BulletinDto, BulletinExportQueryDto, BulletinPageDto, MakeBulletinDto } from './bulletins.dto';

@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Post()
  @Endpoint({
    summary: 'Make a bulletin (通报)',
    description:
      '`{period}` (`YYYY-MM` or `YYYY-Qn`, ended) or `{from, to, title?}` for a special bulletin (`to` not in the ' +
      'future). Builds and stores a frozen snapshot: the assessment table and ranking, the issues overdue at the ' +
      'period’s last instant (rebuilt from the timeline), escalations by level, key issues and proposals, proposal ' +
      'reply and satisfaction rates. Later events never change it. A second one for the same period → 409.',
    who: ['inspector'],
    status: 201,
    ok: BulletinDto,
    errors: [400, 409],
  })
  make(@CurrentActor() actor: Actor, @Body() body: MakeBulletinDto) {
    return this.bulletins.make(actor, body);
  }

  @Get()
  @Endpoint({
    summary: 'Bulletins, newest first',
    description: 'A handler sees the same list; its copy of each bulletin holds only its own unit’s rows.',
    who: ['inspector', 'admin', 'handler'],
    ok: BulletinPageDto,
    errors: [400],
  })
  list(@Query() query: ListQueryDto) {
    return this.bulletins.list(query.limit, query.cursor);
  }

  @Get(':id')
  @Endpoint({
    summary: 'A frozen bulletin',
    description: 'As it was made. A handler gets only its own unit’s rows (empty where it has none).',
    who: ['inspector', 'admin', 'handler'],
    ok: BulletinDto,
    errors: [400, 404],
  })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.bulletins.get(actor, id);
  }

  @Get(':id/export')
  @Endpoint({
    summary: 'Export a bulletin',
    description:
      '`format=docx` (default): a Word document with the issuing office, title, period and numbered sections, a ' +
      'table per section with Chinese unit names; `csv`: the same tables in UTF-8 with a byte-order mark; `json`.',
    who: ['inspector', 'admin'],
    okDescription: 'the file, as an attachment',
    errors: [400, 404],
  })
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: BulletinExportQueryDto,
    @Res() response: Response,
  ) {
    sendFile(response, await this.bulletins.export(actor, id, query.format ?? 'docx'));
  }
}
