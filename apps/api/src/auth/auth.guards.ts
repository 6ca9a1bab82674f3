import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { ROLES as ALL_ROLES, Role } from '@app/domain';
import { AccessCache } from './access-cache';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';

interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  unit: string | null;
  /** The user's token version when it was issued: a password change or a retirement raises it. */
  ver: number;
}

/** Every endpoint needs a bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly access: AccessCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('Authorization: a Bearer token is required');
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('Authorization: the token is invalid or expired');
    }
    if (!ALL_ROLES.includes(claims.role)) throw new UnauthorizedException('Authorization: the token is invalid');
    const state = await this.access.state(claims.username);
    if (!state?.active || state.tokenVersion !== (claims.ver ?? 0)) {
      throw new UnauthorizedException('Authorization: this session has ended (the account changed); log in again');
    }
    request.actor = { username: claims.username, role: claims.role, unit: claims.unit ?? null };
    return true;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor?.role || !roles.includes(actor.role)) {
      throw new ForbiddenException(`role ${actor?.role ?? 'none'} may not do this (allowed: ${roles.join(', ')})`);
    }
    return true;
  }
}

/** Limits each signed-in user on their own budget; anonymous callers by address. */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected async getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = (request as AuthenticatedRequest).actor;
    return actor ? `user:${actor.username}` : `ip:${String(request.ip)}`;
  }
}

export type { TokenClaims };
