// Prisma CLI configuration (generate, migrate diff). Prisma 6.19's JavaScript schema engine works offline;
// the native one is a download that this environment cannot make. NEWSDESK_PRISMA_PROVIDER picks the
// schema (sqlite, the default, or postgresql). Migrations are applied by our own migrator at start-up
// (src/store/migrate.ts), see docs/decisions/0002-two-prisma-schemas.md.
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const provider = process.env.NEWSDESK_PRISMA_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite';
// The schemas read env("DATABASE_URL"); generate and diff need no database but do need the variable set.
process.env.DATABASE_URL ??= provider === 'postgresql' ? 'postgresql://postgres@127.0.0.1:5432/test' : 'file:./newsdesk.db';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `prisma/${provider}/schema.prisma`,
  adapter: () =>
    Promise.resolve(
      provider === 'postgresql'
        ? new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' })
        : new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? 'file:./newsdesk.db' }),
    ),
});
