import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Optional destination of the JSON logs (tests capture them); stdout when absent. */
export const LOG_STREAM = Symbol('LOG_STREAM');

/**
 * JSON logs with a request id per request (the caller's `X-Request-Id` when sane, else a new
 * UUID, echoed back). Credentials and bodies are never logged.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, { token: LOG_STREAM, optional: true }],
      useFactory: (app: AppConfig, stream?: DestinationStream) => ({
        pinoHttp: withStream(stream, {
          level: app.logLevel,
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.code', '*.refreshToken', '*.accessToken'],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
            err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        }),
      }),
    }),
  ],
})
export class LoggingModule {}

function withStream<T>(stream: DestinationStream | undefined, options: T): T | [T, DestinationStream] {
  return stream ? [options, stream] : options;
}
