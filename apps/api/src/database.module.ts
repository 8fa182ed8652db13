import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  CacheInvalidation,
  createCacheInvalidation,
  prepareSqliteFile,
  runMigrations,
  type DatabaseConfig,
} from '@rollcall/db';

/**
 * The database, migrated to the latest schema before anything else uses it, and the signal
 * that tells this process's caches what other processes changed in it.
 */
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...buildDataSourceOptions(database), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('Database options are missing.');
            if (database.dialect === 'sqlite') prepareSqliteFile(database.file);
            const dataSource = await new DataSource(options).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [
        {
          provide: CacheInvalidation,
          useFactory: (dataSource: DataSource) => createCacheInvalidation(dataSource),
          inject: [DataSource],
        },
      ],
      exports: [CacheInvalidation],
    };
  }
}
