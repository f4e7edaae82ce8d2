/**
 * Staging the benchmark's corpus in one pass, a thousand articles at a time: the JSON Lines file the
 * import reads, the plain better-sqlite3 floor on the same rows (one transaction; only its statements are
 * timed, not the generation), and the few facts of the corpus the later phases need. Holding the whole
 * corpus left about 100 MB of freed heap in the process's resident memory, counted in the peak that is
 * meant to be the pipeline's.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readCorpus } from './corpus.ts';
import type { GeneratedArticle } from './generate.ts';
import { timed, type Timing } from './measure.ts';

const CHUNK = 1000;

export interface StagedCorpus {
  synthetic: boolean;
  articles: number;
  /** The floor: inserting the rows, summed over the chunks, with the transaction's begin and commit. */
  raw: Timing;
  lastPublished: Date;
  /** From the first to the last publication, plus a day. */
  spanSeconds: number;
}

export async function stageCorpus(corpus: string | undefined, count: number, seed: number, rawDb: string, file: string): Promise<StagedCorpus> {
  const { articles, synthetic } = readCorpus(corpus, count, seed);
  const db = new Database(rawDb);
  const out = openSync(file, 'w');
  const raw: Timing = { wallMs: 0, cpuMs: 0 };
  const time = async (work: () => void) => {
    const t = await timed(work);
    raw.wallMs += t.wallMs;
    raw.cpuMs += t.cpuMs;
  };
  let staged = 0;
  let first = Infinity;
  let last = -Infinity;
  try {
    const insert = db.prepare(
      `INSERT INTO "Article" (url, source, title, bodyText, language, declaredLanguage, publishedAt, fetchedAt,
         updatedAt, contentHash, extractStatus)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'skipped')`,
    );
    const now = new Date().toISOString();
    await time(() => db.exec('BEGIN'));
    for (const chunk of chunks(articles)) {
      await time(() => {
        for (const a of chunk) insert.run(a.url, a.source, a.title, a.text, a.language, a.language, a.published, now, now, a.url);
      });
      writeSync(out, chunk.map((a) => `${JSON.stringify(a)}\n`).join(''));
      for (const a of chunk) {
        const t = Date.parse(a.published);
        first = Math.min(first, t);
        last = Math.max(last, t);
      }
      staged += chunk.length;
    }
    await time(() => db.exec('COMMIT'));
  } finally {
    closeSync(out);
    db.close();
  }
  return { synthetic, articles: staged, raw, lastPublished: new Date(last), spanSeconds: Math.ceil((last - first) / 1000) + 86_400 };
}

function* chunks(articles: Iterable<GeneratedArticle>): Generator<GeneratedArticle[]> {
  let chunk: GeneratedArticle[] = [];
  for (const article of articles) {
    chunk.push(article);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
