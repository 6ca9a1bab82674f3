import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/domain';
import type { Actor } from '@app/workflow';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** No token needed: login, health, metrics, docs. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the endpoint; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedRequest {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor as Actor;
});
