/** `newsdesk digest` as CONTRACT.md describes it: --out by extension, and --send without SMTP_URL. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { loadSample, seedSample } from './seed.ts';

const run = promisify(execFile);
const bin = resolve('bin/newsdesk');
const sample = loadSample();
let database: TestDatabase;
let dir: string;

function newsdesk(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'SMTP_URL'));
  return run(bin, ['--config', join(dir, 'config.json'), ...args], { cwd: dir, env: { ...clean, DATABASE_URL: database.url, ...env } });
}

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  await seedSample(database.db, sample);
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-digest-out-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ feeds: [], digest: { recipients: [sample.recipient] } }));
});

afterAll(async () => {
  await database.drop();
});

describe('newsdesk digest --out', () => {
  it('writes the HTML body, the whole message or the plain text by extension', async () => {
    const html = join(dir, 'd.html');
    const eml = join(dir, 'd.eml');
    const txt = join(dir, 'd.txt');
    const results = await Promise.all([html, eml, txt].map((out) => newsdesk(['digest', '--date', '2026-11-23', '--out', out])));
    for (const { stdout, stderr } of results) {
      expect(stdout).toBe('');
      expect(stderr).toMatch(/wrote the digest for 2026-11-23 to .*d\.(html|eml|txt)/);
    }
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*EU delays rules for general-purpose AI models/);
    expect(readFileSync(txt, 'utf8')).toMatch(/^newsdesk daily digest, Monday, 23 November 2026\n/);
    const mail = await simpleParser(readFileSync(eml));
    expect(mail.subject).toContain('newsdesk digest 2026-11-23');
    expect(mail.text).toContain('Mobilfunkstörung bei der Telekom in Süddeutschland');
    expect(String(mail.html)).toContain('Mobilfunkstörung bei der Telekom in Süddeutschland');
  }, 60_000);

  it('refuses an unknown extension and a malformed date with exit code 2', async () => {
    await expect(newsdesk(['digest', '--date', '2026-11-23', '--out', join(dir, 'd.pdf')])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/\.html, \.eml or \.txt/) });
    await expect(newsdesk(['digest', '--date', '23.11.2026'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--date: expected YYYY-MM-DD/) });
  }, 60_000);
});

describe('newsdesk digest --send without SMTP_URL', () => {
  it('writes the message to a file, says where, and records no delivery', async () => {
    const { stderr } = await newsdesk(['digest', '--send', '--date', '2026-11-23']);
    const path = /wrote the digest for researcher@example\.org \(2026-11-23\) to (\S+)/.exec(stderr)?.[1];
    expect(path).toBeDefined();
    expect(path!.startsWith(dir)).toBe(true);
    expect(existsSync(path!)).toBe(true);
    const mail = await simpleParser(readFileSync(path!));
    expect(mail.to).toMatchObject({ text: 'researcher@example.org' });
    expect(await database.db.digestDelivery.count()).toBe(0);
  }, 60_000);
});
