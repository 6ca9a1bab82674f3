import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';

/** Every route, in the path syntax of Express 5 (a bare `*` would be converted, with a warning, at start-up). */
const ALL_ROUTES = [{ path: '{*path}', method: RequestMethod.ALL }];

/**
 * Structured JSON logs for machines; on a terminal, one readable line each (pino-pretty), so a person running
 * `npm start` reads the log instead of parsing it.
 */
export function loggerParams(config: AppConfig, http: Params['pinoHttp'] = {}): Params {
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json';
  return {
    forRoutes: ALL_ROUTES,
    pinoHttp: {
      level: config.logLevel,
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
            },
          }
        : {}),
      ...(typeof http === 'object' ? http : {}),
    },
  };
}
