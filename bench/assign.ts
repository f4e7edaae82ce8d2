/**
 * Assignment cost against a stored archive: a fresh ingestor (as each `fetch` or `import` run makes) takes
 * the same new articles, dated just after the archive inside the clustering window, and each is saved and
 * assigned to a story. Analysis is done beforehand so only store + clustering is timed.
 * A round takes a few seconds, so one round is at the mercy of whatever else the machine does: the
 * benchmark runs several rounds on each archive, alternating, and reports the median.
 */
import { generateArticles } from './generate.ts';
import { toRecord } from '../src/pipeline/import-line.ts';
import { createIngestor } from '../src/pipeline/ingest.ts';
import type { ArticleRecord } from '../src/store/articles.ts';
import { connect } from '../src/store/client.ts';
import { round, sum, timed } from './measure.ts';

export function freshRecords(count: number, after: Date, seed: number, urlPrefix = 'fresh'): ArticleRecord[] {
  const fetchedAt = new Date();
  return Array.from(generateArticles({ count, seed, start: new Date(after.getTime() + 60_000), urlPrefix }), (article) => {
    const record = toRecord(JSON.stringify(article), fetchedAt);
    if (typeof record === 'string') throw new Error(`generated article refused: ${record}`);
    return record;
  });
}

/** Rounds of fresh articles (distinct URLs, all dated just after the archive), alternated over the archives. */
export async function measureAssignRounds(paths: readonly string[], rounds: readonly ArticleRecord[][], windowHours: number): Promise<AssignFigures[]> {
  const perPath = paths.map(() => [] as AssignFigures[]);
  for (const records of rounds) {
    for (const [i, path] of paths.entries()) perPath[i]!.push(await measureAssign(path, records, windowHours));
  }
  return perPath.map((figures) => ({
    msPerArticle: median(figures.map((f) => f.msPerArticle)),
    cpuMsPerArticle: median(figures.map((f) => f.cpuMsPerArticle)),
    articles: sum(figures.map((f) => f.articles)),
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
