/**
 * Worker threads start from a bundle of their modules made when they start (src/runtime/thread-bundle.ts), not
 * through tsx's loader. The bundle must behave as the sources: the analysis worker finds its models and data
 * files from generated/threads/ and analyses as the main thread does.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAnalysisPool, type AnalysisRequest, type AnalysisResponse } from '../../src/pipeline/analysis-worker/pool.ts';
import { toRecord } from '../../src/pipeline/import-line.ts';
import { startWorkerThreads } from '../../src/pipeline/worker-threads.ts';
import { threadEntry } from '../../src/runtime/thread-bundle.ts';

const source = (path: string) => new URL(`../../src/pipeline/${path}`, import.meta.url);

describe('thread bundles', () => {
  it('bundle each worker of the import into generated/threads as plain JavaScript', async () => {
    for (const name of ['analysis-worker', 'article-writer']) {
      const entry = threadEntry(source(`${name}/worker.ts`));
      expect(fileURLToPath(entry)).toMatch(new RegExp(`generated/threads/${name}\\.mjs$`));
      const code = await readFile(entry, 'utf8');
      expect(code).toContain('parentPort');
      expect(code).not.toMatch(/\bimport type\b|\binterface \w+ \{/); // no TypeScript left
      expect(code).not.toMatch(/from ["']\.{1,2}\//); // our modules are inside, packages stay imports
    }
  });

  it('fall back to the tsx entry beside a worker that cannot be bundled', () => {
    const broken = new URL('../fixtures/workers/broken/worker.mjs', import.meta.url);
    expect(threadEntry(broken).href).toBe(new URL('./entry.mjs', broken).href);
  });

  const line = JSON.stringify({
    url: 'https://example.org/duysak',
    title: 'Der Twitter-Mitarbeiter, der Trump kurzzeitig offline stellte, gibt ein Interview',
    text: 'Bahtiyar Duysak sagte, er habe den Account @realDonaldTrump an seinem letzten Arbeitstag bei Twitter deaktiviert.',
  });
  const fetchedAt = new Date('2026-11-23T10:00:00Z');

  it('analyse in a bundled worker as on the main thread (models and data files found)', async () => {
    const pool = createAnalysisPool(1, { analysis: {}, withSearchStems: false });
    try {
      const [record] = await pool.analyze([line], fetchedAt);
      const expected = toRecord(line, fetchedAt);
      expect(typeof expected).not.toBe('string');
      expect(record).toEqual(expected);
      expect(record).toMatchObject({ language: 'de' });
      expect(JSON.stringify(record)).toContain('Bahtiyar Duysak');
    } finally {
      await pool.close();
    }
  });

  it('keep the fallback entry working: the analysis worker through tsx', async () => {
    const threads = startWorkerThreads<Omit<AnalysisRequest, 'id'>, AnalysisResponse>(
      source('analysis-worker/entry.mjs'), 1, () => ({ workerData: { analysis: {}, withSearchStems: false } }), 'an analysis worker');
    try {
      const { records } = await threads.request({ lines: [line], fetchedAt: fetchedAt.getTime() });
      expect(records).toEqual([toRecord(line, fetchedAt)]);
    } finally {
      await threads.close();
    }
  });
});
