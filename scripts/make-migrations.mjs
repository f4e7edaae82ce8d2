#!/usr/bin/env node
// Writes the next SQL migration for both providers from the schema files, with no database needed:
// `prisma migrate diff` from the schema snapshot kept beside the previous migration to the current schema.
// Usage: npm run db:migrations -- <name>. Hand-written migrations (FTS, triggers) are directories with only
// a migration.sql; they are applied in order like the generated ones.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migrations -- <snake_case_name>');
  process.exit(2);
}

for (const provider of ['sqlite', 'postgresql']) {
  const dir = join('prisma', provider, 'migrations');
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
  const snapshots = existing.filter((d) => existsSync(join(dir, d, 'schema.prisma')));
  const last = snapshots.at(-1);
  const from = last ? ['--from-schema-datamodel', join(dir, last, 'schema.prisma')] : ['--from-empty'];
  const schema = join('prisma', provider, 'schema.prisma');
  const sql = execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'],
    { env: { ...process.env, NEWSDESK_PRISMA_PROVIDER: provider }, encoding: 'utf8' },
  )
    .split('\n')
    .filter((line) => !line.startsWith('Loaded Prisma config'))
    .join('\n')
    .trim();
  if (!sql || sql.startsWith('-- This is an empty migration')) {
    console.error(`${provider}: no changes`);
    continue;
  }
  const next = String(existing.length + 1).padStart(4, '0');
  const target = join(dir, `${next}_${name}`);
  mkdirSync(target);
  writeFileSync(join(target, 'migration.sql'), `${sql}\n`);
  copyFileSync(schema, join(target, 'schema.prisma'));
  console.error(`${provider}: wrote ${target}`);
}
