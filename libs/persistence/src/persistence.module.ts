import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { dataSourceOptions } from './data-source';
import { PgListener } from './notify/pg-listener';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl, config.databasePoolSize),
    }),
  ],
  providers: [PgListener],
  exports: [PgListener],
})
export class PersistenceModule {}
