import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Everything after the models marker: the part that must be identical in both schema files. */
function models(path: string): string {
  const text = readFileSync(path, 'utf8');
  const marker = text.indexOf('// ---- models');
  expect(marker, `${path} has the models marker`).toBeGreaterThan(0);
  return text.slice(marker);
}

describe('the two Prisma schemas', () => {
  it('declare identical models', () => {
    expect(models('prisma/postgresql/schema.prisma')).toEqual(models('prisma/sqlite/schema.prisma'));
  });

  it('have the same migrations, each with SQL', () => {
    const names = (provider: string) =>
      readdirSync(`prisma/${provider}/migrations`).filter((name) => /^\d{4}_/.test(name)).sort();
    expect(names('postgresql')).toEqual(names('sqlite'));
    for (const provider of ['sqlite', 'postgresql']) {
      for (const name of names(provider)) {
        expect(existsSync(`prisma/${provider}/migrations/${name}/migration.sql`)).toBe(true);
      }
    }
  });

  it('have a latest schema snapshot equal to the schema (no migration missing)', () => {
    for (const provider of ['sqlite', 'postgresql']) {
      const dir = `prisma/${provider}/migrations`;
      const snapshots = readdirSync(dir)
        .filter((name) => existsSync(`${dir}/${name}/schema.prisma`))
        .sort();
      const latest = snapshots.at(-1);
      expect(latest).toBeDefined();
      expect(models(`${dir}/${latest}/schema.prisma`)).toEqual(models(`prisma/${provider}/schema.prisma`));
    }
  });
});
