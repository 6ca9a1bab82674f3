import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { dataSourceOptions } from './data-source';

/**
 * The DataSource the read models query (lists, inbox, boards, assessment, bulletins): the standby at
 * DATABASE_READ_URL when there is one, else the primary itself. Inject with `@InjectReads()`.
 */
export const READ_DATA_SOURCE = Symbol('READ_DATA_SOURCE');
export const InjectReads = () => Inject(READ_DATA_SOURCE);

/** Closes the standby's pool at shutdown (the primary's is TypeORM's to close). */
@Injectable()
export class ReadReplica implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadReplica.name);
  private replica: DataSource | null = null;

  async open(config: AppConfig, primary: DataSource): Promise<DataSource> {
    if (!config.databaseReadUrl) return primary;
    const [{ synchronous_standby_names: standbys }] = await primary.query('SHOW synchronous_standby_names');
    if (!standbys) {
      // Without a synchronous standby, remote_apply waits for nothing: a read may miss the write just made.
      this.logger.warn(
        'DATABASE_READ_URL is set but the primary has no synchronous_standby_names: reads from the standby may lag ' +
          'the writes they follow (docs/DEPLOYMENT.md)',
      );
    }
    this.replica = await new DataSource(
      dataSourceOptions(config.databaseReadUrl, config.databasePoolSize, { applicationName: 'direct-handling-read' }),
    ).initialize();
    return this.replica;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.destroy();
  }
}

export const readDataSourceProvider: Provider = {
  provide: READ_DATA_SOURCE,
  inject: [APP_CONFIG, getDataSourceToken(), ReadReplica],
  useFactory: (config: AppConfig, primary: DataSource, replica: ReadReplica) => replica.open(config, primary),
};
