import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { StreamHub } from './stream.hub';

@ApiTags('stream')
@ApiBearerAuth()
@Controller('stream')
export class StreamController {
  constructor(private readonly hub: StreamHub) {}

  @Get()
  @Endpoint({
    summary: 'The live stream (Server-Sent Events)',
    description:
      'For what the caller may see and nothing else: `event: issue` with `data: {id, type, status, leadUnit, ' +
      'coUnits, overdue, escalationLevel, version, occurredAt}` for every timeline event of an issue visible to the ' +
      'caller when it is sent, and `event: notification` with the notification as `GET /notifications` lists it. ' +
      'A comment line every 15 s keeps it open. Fed from committed changes, heard by clients of every API process. ' +
      'Authenticated with the Bearer header like every endpoint (a browser reads it with a streaming fetch). After ' +
      'a drop, reconnect and re-read your lists.',
    who: 'any',
    okDescription: 'an event stream, open until the client goes away',
    eventStream: true,
  })
  stream(@CurrentActor() actor: Actor, @Res() response: Response): void {
    this.hub.open(actor, response);
  }
}
