import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  process.title = 'carebook-worker';
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('carebook worker started: outbox relay and queue processors running', 'Bootstrap');
}

bootstrap().catch((error: Error) => {
  console.error(error.name === 'ConfigValidationError' ? error.message : error);
  process.exit(1);
});
