import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  prepareSqliteFile,
  runMigrations,
  type DatabaseConfig,
} from '@rollcall/db';

/** The database, migrated to the latest schema before anything else uses it. */
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
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
    };
  }
}
