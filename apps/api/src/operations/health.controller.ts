import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { RedisClient } from '../common/redis.provider';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'PostgreSQL and Redis both answer' })
  @ApiServiceUnavailableResponse({ description: 'one of them does not' })
  async check(@Res({ passthrough: true }) response: Response) {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1')).then(
        () => ({ status: 'up' }),
        (error: Error) => ({ status: 'down', error: error.message }),
      ),
      withTimeout(this.redis.ping()).then(
        () => ({ status: 'up' }),
        (error: Error) => ({ status: 'down', error: error.message }),
      ),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks: { postgres, redis } };
  }
}
