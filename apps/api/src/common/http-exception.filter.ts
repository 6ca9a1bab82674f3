import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
  WorkflowError,
} from '@app/workflow';

const WORKFLOW_STATUS: [new (...args: never[]) => WorkflowError, number][] = [
  [InvalidInputError, HttpStatus.BAD_REQUEST],
  [UnauthenticatedError, HttpStatus.UNAUTHORIZED],
  [ForbiddenError, HttpStatus.FORBIDDEN],
  [NotFoundError, HttpStatus.NOT_FOUND],
  [ConflictError, HttpStatus.CONFLICT],
  [PreconditionFailedError, HttpStatus.PRECONDITION_FAILED],
  [TooManyRequestsError, HttpStatus.TOO_MANY_REQUESTS],
  [PayloadTooLargeError, HttpStatus.PAYLOAD_TOO_LARGE],
  [UnsupportedMediaTypeError, HttpStatus.UNSUPPORTED_MEDIA_TYPE],
];

// Connection-level failures of PostgreSQL: the request did nothing and may be retried.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08003',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/;

function isUnavailable(exception: unknown): boolean {
  const error = exception as { code?: string; driverError?: { code?: string }; message?: string } | null;
  const code = error?.driverError?.code ?? error?.code;
  return (code !== undefined && UNAVAILABLE_CODES.has(code)) || UNAVAILABLE_MESSAGES.test(error?.message ?? '');
}

/** Every error leaves as `{ statusCode, error, message }`; only what is truly ours is a 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, message] = this.describe(exception);
    if (status === 500) this.logger.error({ err: exception }, 'unhandled error');
    if (status === 503) this.logger.warn({ err: exception }, 'dependency unavailable');
    if (response.headersSent) return;
    if (status === 503) response.setHeader('Retry-After', '5');
    response.status(status).json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });
  }

  private describe(exception: unknown): [number, string] {
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message =
        typeof body === 'string' ? body : ((body as { message?: string | string[] }).message ?? exception.message);
      return [exception.getStatus(), Array.isArray(message) ? message.join('; ') : message];
    }
    for (const [type, status] of WORKFLOW_STATUS) {
      if (exception instanceof type) return [status, exception.message];
    }
    if (isUnavailable(exception)) {
      return [HttpStatus.SERVICE_UNAVAILABLE, 'the database is not reachable; nothing was changed, retry shortly'];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, 'internal error'];
  }
}
