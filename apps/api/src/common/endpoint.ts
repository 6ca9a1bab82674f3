import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';
import type { Role } from '@app/domain';
import { Public, Roles } from '../auth/auth.decorators';

/** The error body every 4xx and 5xx answer carries. */
export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'title: must be shorter than or equal to 200 characters' }) message: string;
}

type ErrorStatus = 400 | 403 | 404 | 409 | 412 | 413 | 415;

const ERROR_TEXT: Record<ErrorStatus | 401 | 429, string> = {
  400: 'invalid input; `message` names the field and the rule',
  401: 'no token, or an invalid or expired one',
  403: 'this role may not do this',
  404: 'not found, or not visible to this user',
  409: 'the state does not allow this, or it exists already',
  412: 'If-Match names a version the issue has moved on from',
  413: 'the body is too large',
  415: 'this type of file is not accepted',
  429: 'rate limited',
};

export interface EndpointSpec {
  summary: string;
  description?: string;
  /** Who may call it: roles, `public` (no token) or `any` signed-in user. */
  who: Role[] | 'public' | 'any';
  /** The answer's body type, `[Type]` for an array; omitted for 204 or a file. */
  ok?: Type<unknown> | [Type<unknown>];
  status?: 200 | 201 | 202 | 204;
  /** The 4xx answers a client can cause beyond 401 and 429, which every authenticated endpoint may give. */
  errors?: ErrorStatus[];
  /** Extra words on the success answer (a file's type, a header). */
  okDescription?: string;
  /** The answer is a stream of Server-Sent Events, open until the client goes away. */
  eventStream?: boolean;
}

function whoText(who: EndpointSpec['who']): string {
  if (who === 'public') return 'Anyone, without a token.';
  if (who === 'any') return 'Any signed-in user (answers are scoped to what that user may see).';
  return `Roles: ${who.join(', ')}.`;
}

/**
 * One decorator per operation: who may call it (enforced by the guards and written into the document as
 * `x-roles`), its summary and description, its success answer and the errors a client can cause.
 */
export function Endpoint(spec: EndpointSpec): MethodDecorator {
  const status = spec.status ?? 200;
  const errors: (ErrorStatus | 401 | 429)[] = [...(spec.errors ?? [])];
  if (spec.who !== 'public') errors.push(401, 429);
  if (Array.isArray(spec.who) && !errors.includes(403)) errors.push(403);
  const decorators = [
    ApiOperation({
      summary: spec.summary,
      description: [spec.description, whoText(spec.who)].filter(Boolean).join('\n\n'),
    }),
    ApiExtension('x-roles', spec.who === 'public' || spec.who === 'any' ? [spec.who] : spec.who),
    HttpCode(status),
    ApiResponse({
      status,
      description: spec.okDescription ?? (status === 204 ? 'done; no body' : 'success'),
      ...(spec.ok ? { type: spec.ok } : {}),
      ...(spec.eventStream ? { content: { 'text/event-stream': { schema: { type: 'string' } } } } : {}),
    }),
    ...[...new Set(errors)]
      .sort()
      .map((code) => ApiResponse({ status: code, description: ERROR_TEXT[code], type: ErrorDto })),
  ];
  if (spec.who === 'public') decorators.push(Public());
  else if (Array.isArray(spec.who)) decorators.push(Roles(...spec.who));
  return applyDecorators(...decorators);
}
