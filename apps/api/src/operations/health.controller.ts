import { Controller, Get, Res } from '@nestjs/common';
import { ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Endpoint } from '../common/endpoint';
import { RedisClient } from '../common/redis.provider';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

class CheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false }) error?: string;
}

class HealthChecksDto {
  @ApiProperty({ type: CheckDto }) postgres: CheckDto;
  @ApiProperty({ type: CheckDto }) redis: CheckDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: HealthChecksDto }) checks: HealthChecksDto;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @Endpoint({
    summary: 'Health',
    description: 'Whether PostgreSQL and Redis answer (within 2 s each). Outside the base path: `GET /health`.',
    who: 'public',
    ok: HealthDto,
    okDescription: 'PostgreSQL and Redis both answer',
  })
  @ApiResponse({ status: 503, description: 'one of them does not', type: HealthDto })
  async check(@Res({ passthrough: true }) response: Response) {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1')).then(
        () => ({ status: 'up' }),
        (error: Error) => ({ status: 'down', error: error.message }),
      ),
      // A keyed read, not PING: on a cluster it asks the master that holds the service's slot, not any node.
      withTimeout(this.redis.connection.exists('health')).then(
        () => ({ status: 'up' }),
        (error: Error) => ({ status: 'down', error: error.message }),
      ),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks: { postgres, redis } };
  }
}
