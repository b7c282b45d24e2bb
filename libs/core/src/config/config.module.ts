import { DynamicModule, Global, Module } from '@nestjs/common';
import { CarebookConfig, loadConfig } from './env';

/** DI tokens, one per namespace, so a provider asks only for the concern it needs. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');
export const REDIS_CONFIG = Symbol('REDIS_CONFIG');
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const MESSAGING_CONFIG = Symbol('MESSAGING_CONFIG');

/**
 * Loads `.env` (environment wins over it), validates once, and provides each namespace.
 * Tests pass `overrides` to change a value without touching `process.env`.
 */
@Global()
@Module({})
export class CarebookConfigModule {
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    loadDotEnv();
    const config: CarebookConfig = loadConfig({ ...process.env, ...overrides });
    const providers = [
      { provide: APP_CONFIG, useValue: config.app },
      { provide: DATABASE_CONFIG, useValue: config.database },
      { provide: REDIS_CONFIG, useValue: config.redis },
      { provide: AUTH_CONFIG, useValue: config.auth },
      { provide: WORKER_CONFIG, useValue: config.worker },
      { provide: MESSAGING_CONFIG, useValue: config.messaging },
    ];
    return { module: CarebookConfigModule, providers, exports: providers.map((p) => p.provide) };
  }
}

let dotEnvLoaded = false;
/** `.env` in the working directory fills only variables the environment does not set. */
export function loadDotEnv(): void {
  if (dotEnvLoaded) return;
  dotEnvLoaded = true;
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env: defaults apply
  }
}
