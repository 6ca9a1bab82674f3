import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';

/** The validated configuration under one injection token. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class PlatformModule {
  /** The config is loaded (and a bad value reported) by main.ts before Nest starts. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
