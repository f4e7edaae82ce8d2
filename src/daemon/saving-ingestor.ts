/**
 * The daemon's ingestor: saves articles (idempotent by canonical URL) but assigns no story. Story
 * assignment is one leased job over the articles not yet in a story (cluster-job.ts), so several workers
 * never build stories from different in-memory clusterers. See docs/decisions/0091-one-story-assigner.md.
 */
import type { Ingestor } from '../pipeline/ingest.ts';
import type { Db } from '../store/client.ts';
import { saveArticle, type ArticleRecord, type SavedArticle } from '../store/articles.ts';
import { EntityIds } from '../store/entities.ts';

const TRIES = 3;

export function createSavingIngestor(db: Db): Ingestor {
  return {
    ingest: (record) => saveWithRetry(db, record),
    finish: () => Promise.resolve({ storiesTouched: 0 }),
  };
}

/**
 * A fresh entity-id cache per article: a cache shared by concurrent transactions (fetch concurrency, on
 * PostgreSQL) can hand one transaction the id of an entity another has created but not committed, which
 * fails with a foreign-key violation. Such a failure is retried; saveArticle itself retries unique races.
 */
async function saveWithRetry(db: Db, record: ArticleRecord): Promise<SavedArticle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveArticle(db, new EntityIds(), record);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= TRIES || !(code === 'P2003' || /foreign key/i.test(String(error)))) throw error;
    }
  }
}
