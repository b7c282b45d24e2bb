import 'reflect-metadata';
import { APP_CONFIG, AppConfig, configureHttpApp } from '@carebook/core';
import { RealtimeIoAdapter } from '@carebook/realtime';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  process.title = 'carebook-api';
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), { bufferLogs: true });
  configureHttpApp(app);
  // Socket.IO with the Redis adapter: the worker's pushes reach every API process.
  app.useWebSocketAdapter(new RealtimeIoAdapter(app));
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
  app.get(Logger).log(`carebook API listening on :${config.port} (Swagger at /docs)`, 'Bootstrap');
}

bootstrap().catch((error: Error) => {
  // Configuration errors name the bad variable; print them plainly, not as a stack dump.
  console.error(error.name === 'ConfigValidationError' ? error.message : error);
  process.exit(1);
});
