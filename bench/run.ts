/**
 * `npm run bench [-- --articles N] [--corpus PATH.jsonl] [--json]` and `npm run bench -- fetch`.
 * Builds its archive from a seeded generator (synthetic German and English articles) unless given a corpus,
 * then measures ingestion, analysis, assignment at 10k and 200k stored articles, the researcher reads and
 * export. Progress goes to stderr; the table (or one JSON object with --json) to stdout.
 * Wall times are only meaningful on an idle machine; CPU times (process.cpuUsage) are printed beside them.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { analyzeArticle } from '../src/pipeline/analyze.ts';
import { boundHeapGrowth } from '../src/runtime/heap.ts';
import { connect } from '../src/store/client.ts';
import { createWorkspace, extendArchive, importFile, type Workspace } from './archive.ts';
import { freshRecords, measureAssignRounds, type AssignFigures } from './assign.ts';
import { generateArticles } from './generate.ts';
import { stageCorpus } from './stage-corpus.ts';
import { peakRssMb, round, sum, timed, timeEach } from './measure.ts';
import { measureExport, measureReads } from './queries.ts';
import { printTable } from './report.ts';

const WINDOW_HOURS = 72;
const ASSIGN_ROUNDS = 3;

const parseOptions = () => parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    corpus: { type: 'string' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    fresh: { type: 'string', default: '300' },
    calls: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
}).values;

const log = (message: string) =>
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(1)}s rss ${Math.round(process.memoryUsage().rss / 1048576)} MB, peak ${Math.round(peakRssMb())} MB] ${message}\n`);

async function analysisFigures(seed: number) {
  const sample = [...generateArticles({ count: 550, seed: seed + 1, start: new Date('2026-03-01'), textChars: 3000 })];
  for (const a of sample.slice(0, 50)) analyzeArticle({ title: a.title, text: a.text, declared: { hint: null } });
  const timing = await timeEach(sample.slice(50), (a) => analyzeArticle({ title: a.title, text: a.text, declared: { hint: null } }));
  const n = timing.wall.length;
  return { analyzeMsPerArticle: round(sum(timing.wall) / n, 3), analyzeCpuMsPerArticle: round(sum(timing.cpu) / n, 3), analyzeSamples: n };
}

/** The corpus as a JSON Lines file for the import, with the floor and its dates (stage-corpus.ts). */
async function stage(workspace: Workspace, corpus: string | undefined, count: number, seed: number) {
  log(`staging ${corpus ? `corpus ${corpus}` : 'the SYNTHETIC archive (seeded generator, bench/data/words.json)'} with the raw better-sqlite3 insert (floor); workspace ${workspace.dir}`);
  const file = join(workspace.dir, 'corpus.jsonl');
  const staged = await stageCorpus(corpus, count, seed, await workspace.freshDb('raw.db'), file);
  log(`${staged.articles} articles staged`);
  return { file, ...staged };
}

async function main(): Promise<void> {
  const values = parseOptions();
  const count = Number(values.articles);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 100) throw new Error('--articles must be an integer ≥ 100');
  const big = count * 20;
  const workspace = createWorkspace();
  try {
    log('analysis of 3,000-character articles');
    const analysis = await analysisFigures(seed);
    const corpus = await stage(workspace, values.corpus, count, seed);

    log(`end-to-end import of ${corpus.articles} articles (importArticles → analysis → store → clustering)`);
    const archive = await workspace.freshDb('archive.db');
    const ingest = await timed(() => importFile(archive, corpus.file, WINDOW_HOURS));
    const bigArchive = workspace.copy(archive, 'big.db');

    log(`extending a copy of the archive to ${big} articles (bulk copies in the real schema)`);
    const extended = await timed(() => extendArchive(bigArchive, big, corpus.spanSeconds));
    const rounds = Array.from({ length: ASSIGN_ROUNDS }, (_, r) =>
      freshRecords(Number(values.fresh), corpus.lastPublished, seed + 2 + r, `fresh${r}`));
    log(`assigning ${ASSIGN_ROUNDS} rounds of ${values.fresh} fresh articles, alternately with ${corpus.articles} and ${extended.value.articles} stored`);
    const [at10k, at200k] = (await measureAssignRounds(
      [workspace.copy(archive, 'assign-small.db'), workspace.copy(bigArchive, 'assign-big.db')], rounds, WINDOW_HOURS)) as [AssignFigures, AssignFigures];

    log(`search, story and entity reads (${values.calls} calls each) and export on ${extended.value.articles} articles`);
    const connection = await connect(`file:${bigArchive}`);
    const now = new Date(corpus.lastPublished.getTime() + 3_600_000);
    const reads = await measureReads(connection.db, Number(values.calls), now);
    const exported = await measureExport(connection.db);
    await connection.close();

    const result = {
      synthetic: corpus.synthetic,
      articles: corpus.articles,
      bigArchiveArticles: extended.value.articles,
      ingestArticlesPerSec: round(ingest.value.new / (ingest.wallMs / 1000), 1),
      ingestArticlesPerCpuSec: round(ingest.value.new / (ingest.cpuMs / 1000), 1),
      ingestStories: ingest.value.stories,
      ...analysis,
      assignMsAt10k: at10k.msPerArticle,
      assignCpuMsAt10k: at10k.cpuMsPerArticle,
      assignMsAt200k: at200k.msPerArticle,
      assignCpuMsAt200k: at200k.cpuMsPerArticle,
      assignArticles: at10k.articles,
      ...reads,
      exportArticlesPerSec: exported.perSec,
      exportArticlesPerCpuSec: exported.perCpuSec,
      exportedArticles: exported.articles,
      rawInsertArticlesPerSec: round(corpus.articles / (corpus.raw.wallMs / 1000), 0),
      rawInsertArticlesPerCpuSec: round(corpus.articles / (corpus.raw.cpuMs / 1000), 0),
      archiveBuildSeconds: round(extended.wallMs / 1000, 1),
      peakRssMb: peakRssMb(),
      loadAverage: (await import('node:os')).loadavg().map((l) => round(l, 1)),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else printTable(result);
  } finally {
    if (values.keep) log(`kept ${workspace.dir}`);
    else workspace.remove();
  }
}

boundHeapGrowth(); // as the CLI does
if (process.argv[2] === 'fetch') {
  await import('./fetch.ts').then((m) => m.main(process.argv.slice(3)));
} else {
  await main();
}
