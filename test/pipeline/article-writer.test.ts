/**
 * The import's writer thread reports a store it cannot use as a failed save with the store's reason, not
 * as a crash or a hang; the import that awaits it fails with that message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { HandedBatch } from '../../src/pipeline/analysis-worker/pool.ts';
import { createArticleWriter } from '../../src/pipeline/article-writer/writer.ts';
import type { ArticleRecord } from '../../src/store/articles.ts';
import { connect } from '../../src/store/client.ts';

const record: ArticleRecord = {
  url: 'https://example.org/a', source: 'example.org', title: 'A', bodyText: 'Text', language: 'en',
  languageConfidence: 1, publishedAt: null, fetchedAt: new Date('2026-12-01T00:00:00Z'), contentHash: 'h',
  extractStatus: 'skipped', mentions: [], entities: [],
};

describe('article writer thread', () => {
  it('saves records handed over by an analysis worker, waiting for those named before they arrive', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-writer-')), 'a.db');
    await (await connect(`file:${file}`)).close();
    const { port1, port2 } = new MessageChannel();
    const writer = createArticleWriter({ file, handedFrom: [port2] });
    try {
      const other = { ...record, url: 'https://example.org/b', contentHash: 'h2' };
      // the batch names key 0.0 before the record arrives, and one record in full
      const saving = writer.save(['0.0', other]);
      let settled = false;
      void saving.finally(() => { settled = true; });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(settled).toBe(false);
      port1.postMessage([{ key: '0.0', record }] satisfies HandedBatch);
      const saved = await saving;
      expect(saved.map((s) => s.status)).toEqual(['new', 'new']);
      // a key is taken once: the same record handed again under a new key is unchanged
      port1.postMessage([{ key: '0.1', record }] satisfies HandedBatch);
      expect((await writer.save(['0.1']))[0]).toMatchObject({ id: saved[0]!.id, status: 'unchanged' });
    } finally {
      await writer.close();
      port1.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT url FROM "Article" ORDER BY id').pluck().all()).toEqual(['https://example.org/a', 'https://example.org/b']);
    db.close();
  });

  it('fails a save with the reason when the file is no database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'newsdesk-writer-')), 'junk.db');
    writeFileSync(file, 'this is not a database, only text long enough to be read as a header'.repeat(20));
    const writer = createArticleWriter({ file });
    try {
      await expect(writer.save([record])).rejects.toThrow(/not a database/);
    } finally {
      await writer.close();
    }
  });

  it('fails every save when it cannot open the file at all', async () => {
    const writer = createArticleWriter({ file: join(tmpdir(), 'newsdesk-no-such-dir', 'x', 'a.db') });
    try {
      await expect(writer.save([record])).rejects.toThrow(/cannot open .*a\.db/);
      await expect(writer.save([record])).rejects.toThrow(/cannot open .*a\.db/);
    } finally {
      await writer.close();
    }
  });
});
