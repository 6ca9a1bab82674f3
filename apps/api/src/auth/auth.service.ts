import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { TooManyRequestsError, UnauthenticatedError, UsersService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { RedisClient } from '../common/redis.provider';
import type { TokenClaims } from './auth.guards';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly redis: RedisClient,
  ) {}

  async login(username: string, password: string) {
    const failuresKey = `login-failures:${username}`;
    const failures = Number(await this.redis.connection.get(failuresKey).catch(() => this.failOpen()));
    if (failures >= this.config.loginFailuresPerWindow) {
      throw new TooManyRequestsError(`username: too many failed logins; try again later`);
    }
    const user = await this.users.verifyCredentials(username, password);
    if (!user) {
      await this.redis.connection
        .multi()
        .incr(failuresKey)
        .expire(failuresKey, this.config.loginFailureWindowSeconds)
        .exec()
        .catch(() => this.failOpen());
      throw new UnauthenticatedError('username or password is wrong');
    }
    await this.redis.connection.del(failuresKey).catch(() => this.failOpen());
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      unit: user.unit,
      ver: user.tokenVersion,
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer' as const,
      expiresIn: this.config.jwtExpiresInSeconds,
    };
  }

  async me(actor: Actor) {
    const { username, displayName, role, unit, unitName, active, email, phone } = await this.users.profile(
      actor.username,
    );
    return { username, displayName, role, unit, unitName, active, email, phone };
  }

  // Logins need only PostgreSQL: with Redis away, the failure limit lapses rather than locking everyone out.
  private failOpen(): null {
    this.logger.warn('login throttling unavailable: Redis did not answer');
    return null;
  }
}
