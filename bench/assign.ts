/**
 * Assignment cost against a stored archive: a fresh ingestor (as each `fetch` or `import` run makes) takes
 * the same new articles, dated just after the archive inside the clustering window, and each is saved and
 * assigned to a story. Analysis is done beforehand so only store + clustering is timed.
 */
import { generateArticles } from './generate.ts';
import { toRecord } from '../src/pipeline/import-articles.ts';
import { createIngestor } from '../src/pipeline/ingest.ts';
import type { ArticleRecord } from '../src/store/articles.ts';
import { connect } from '../src/store/client.ts';
import { round, timed } from './measure.ts';

export function freshRecords(count: number, after: Date, seed: number): ArticleRecord[] {
  const fetchedAt = new Date();
  return Array.from(generateArticles({ count, seed, start: new Date(after.getTime() + 60_000), urlPrefix: 'fresh' }), (article) => {
    const record = toRecord(JSON.stringify(article), fetchedAt);
    if (typeof record === 'string') throw new Error(`generated article refused: ${record}`);
    return record;
  });
}

export interface AssignFigures {
  msPerArticle: number;
  cpuMsPerArticle: number;
  articles: number;
}

export async function measureAssign(path: string, records: readonly ArticleRecord[], windowHours: number): Promise<AssignFigures> {
  const connection = await connect(`file:${path}`);
  try {
    const ingestor = createIngestor(connection.db, { clusterWindowHours: windowHours });
    const t = await timed(async () => {
      for (const record of records) await ingestor.ingest(record);
      await ingestor.finish();
    });
    return {
      msPerArticle: round(t.wallMs / records.length, 3),
      cpuMsPerArticle: round(t.cpuMs / records.length, 3),
      articles: records.length,
    };
  } finally {
    await connection.close();
  }
}
