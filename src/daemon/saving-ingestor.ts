/**
 * The daemon's ingestor: saves articles (idempotent by canonical URL) but assigns no story. Story
 * assignment is one leased job over the articles not yet in a story (cluster-job.ts), so several workers
 * never build stories from different in-memory clusterers. See docs/decisions/0091-one-story-assigner.md.
 */
import type { Ingestor } from '../pipeline/ingest.ts';
import type { Db } from '../store/client.ts';
import { saveArticle, saveArticles, takesSearchStems } from '../store/articles.ts';
import { EntityIds } from '../store/entities.ts';

export function createSavingIngestor(db: Db): Ingestor {
  // One cache is safe across concurrent saves: ids learnt in a transaction are shared only after it commits.
  const entities = new EntityIds();
  return {
    wantsSearchStems: takesSearchStems(db),
    ingest: (record) => saveArticle(db, entities, record),
    ingestMany: (records) => saveArticles(db, entities, records),
    finish: () => Promise.resolve({ storiesTouched: 0 }),
  };
}
