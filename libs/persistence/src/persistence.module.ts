import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { dataSourceOptions } from './data-source';
import { PgListener } from './notify/pg-listener';
import { READ_DATA_SOURCE, readDataSourceProvider, ReadReplica } from './read-data-source';

// Global: every feature module's read models take READ_DATA_SOURCE.
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        dataSourceOptions(config.databaseUrl, config.databasePoolSize, { waitForStandby: !!config.databaseReadUrl }),
    }),
  ],
  providers: [PgListener, ReadReplica, readDataSourceProvider],
  exports: [PgListener, READ_DATA_SOURCE],
})
export class PersistenceModule {}
