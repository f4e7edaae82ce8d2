/**
 * The import's writer thread reports a store it cannot use as a failed save with the store's reason, not
 * as a crash or a hang; the import that awaits it fails with that message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleWriter } from '../../src/pipeline/article-writer/writer.ts';
import type { ArticleRecord } from '../../src/store/articles.ts';

const record: ArticleRecord = {
  url: 'https://example.org/a', source: 'example.org', title: 'A', bodyText: 'Text', language: 'en',
  languageConfidence: 1, publishedAt: null, fetchedAt: new Date('2026-12-01T00:00:00Z'), contentHash: 'h',
  extractStatus: 'skipped', mentions: [], entities: [],
};

describe('article writer thread', () => {
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
