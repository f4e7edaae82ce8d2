/**
 * Golden cases (test/fixtures/entities/golden.json): each expected mention must be found with
 * its exact offsets, type and canonical name; listed words must not become people or organisations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractEntities } from '../../src/entities/index.ts';

const Case = z.object({
  name: z.string(),
  language: z.enum(['de', 'en']),
  title: z.string().optional(),
  text: z.string(),
  expect: z.array(z.object({
    type: z.enum(['person', 'organization', 'account', 'location', 'product']),
    field: z.enum(['title', 'text']).default('text'),
    text: z.string(),
    occurrence: z.number().int().positive().default(1),
    name: z.string(),
  })),
  owners: z.record(z.string(), z.string()).default({}),
  absent: z.array(z.string()).default([]),
});

const cases = z.array(Case).parse(JSON.parse(readFileSync(new URL('../fixtures/entities/golden.json', import.meta.url), 'utf8')));

function nthIndex(haystack: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i += 1) {
    at = haystack.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: "${needle}" occurs fewer than ${n} times`);
  }
  return at;
}

describe('golden entity cases', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = extractEntities({ title: c.title, text: c.text, language: c.language });
    for (const want of c.expect) {
      const source = want.field === 'title' ? (c.title ?? '') : c.text;
      const start = nthIndex(source, want.text, want.occurrence);
      expect(result.mentions).toContainEqual({
        type: want.type, field: want.field, start, end: start + want.text.length, text: want.text, name: want.name,
      });
    }
    const named = result.mentions.filter((m) => m.type === 'person' || m.type === 'organization').map((m) => m.text);
    for (const word of c.absent) expect(named).not.toContain(word);
    for (const [account, owner] of Object.entries(c.owners)) {
      expect(result.entities).toContainEqual({ type: 'account', name: account, owner });
    }
  });
});
