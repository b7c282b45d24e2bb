import { VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation';
import { RequestContext } from './request-context';
import { setupSwagger } from './swagger';
import { installValidationMetadataCache } from './validation-metadata-cache';

/**
 * Everything an HTTP app needs beyond its modules, shared by `main.ts` and the e2e tests so
 * that tests exercise exactly what production runs.
 */
export function configureHttpApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  // First, so every later middleware, guard and handler runs inside the request's context. It
  // runs before pino-http (module middleware is applied at init), so it reads `req.id` lazily.
  app.use(RequestContext.middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Swagger UI at /docs needs only same-origin scripts; no https upgrade for local http.
        directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins === '*' ? true : config.corsOrigins,
    credentials: config.corsOrigins !== '*',
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.set('x-powered-by', false);
  // No ETag (a SHA-1 of every answer: ~0.07 ms for the 88 KB slots answer): clients here
  // never send conditional GETs, so nothing ever answers 304 from it.
  app.set('etag', false);
  app.useGlobalFilters(new ProblemDetailsFilter());
  installValidationMetadataCache();
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupSwagger(app);
}
