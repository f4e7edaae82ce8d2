/**
 * The researcher-facing reads on a large archive: search, story, entity (p95 over many calls, through the
 * same store functions the CLI commands call), and export throughput (NDJSON to a null sink).
 */
import { Writable } from 'node:stream';
import { writeExport } from '../src/export/write-export.ts';
import type { Db } from '../src/store/client.ts';
import { entityProfile } from '../src/store/entity-queries.ts';
import { exportArticles } from '../src/store/export-rows.ts';
import { searchArticles } from '../src/store/search-articles.ts';
import { storyDetail } from '../src/store/story-queries.ts';
import { seededRandom } from './generate.ts';
import { percentile, round, timed, timeEach } from './measure.ts';

/** Queries a researcher types: words, stems across forms, phrases, boolean operators and fields. */
const SEARCHES = [
  'Sicherheitslücke', 'Mitarbeiters', 'outage', 'Übernahme Microsoft', '"Bundesnetzagentur prüft"',
  'Apple AND (iPhone OR Outlook)', 'Google -Android', 'entity:"Tim Cook"', 'lang:de Störung', 'lang:en layoffs',
  'account:@realDonaldTrump', 'Telekom OR Vodafone', 'type:person Nvidia', 'Kartellstrafe since:30d', 'security flaw',
  '"quarterly results"', 'Glasfaserausbau NOT Telekom', 'source:heise Datenschutzverfahren', 'ChatGPT', 'Zalando',
];

export interface ReadFigures {
  searchP95Ms: number;
  searchP95CpuMs: number;
  storyP95Ms: number;
  storyP95CpuMs: number;
  entityP95Ms: number;
  entityP95CpuMs: number;
  searchCalls: number;
  /**
   * The median wall time of each query shape, slowest first: the p95 of twenty shapes is set by the slowest
   * one or two, and tells which.
   */
  searchMedianMsByQuery: Record<string, number>;
  storyCalls: number;
  entityCalls: number;
}

export async function measureReads(db: Db, calls: number, now: Date): Promise<ReadFigures> {
  const random = seededRandom(7);
  const searches = Array.from({ length: calls }, (_, i) => SEARCHES[i % SEARCHES.length]!);
  const storyIds = (await db.story.findMany({ where: { mergedIntoId: null, articleCount: { gt: 0 } }, select: { id: true } })).map((s) => s.id);
  const stories = Array.from({ length: calls }, () => storyIds[Math.floor(random() * storyIds.length)]!);
  const entityRows = await db.entity.findMany({ select: { name: true }, orderBy: { id: 'asc' }, take: 200 });
  const entities = Array.from({ length: calls }, () => entityRows[Math.floor(random() * entityRows.length)]!.name);
  // One warm-up call each: the first query pays for loading the client's query plans.
  await searchArticles(db, searches[0]!, { limit: 20, now });
  const search = await timeEach(searches, (q) => searchArticles(db, q, { limit: 20, now }));
  const story = storyIds.length ? await timeEach(stories, (id) => storyDetail(db, id)) : { wall: [], cpu: [] };
  const entity = entityRows.length ? await timeEach(entities, (name) => entityProfile(db, name, { days: 30, stories: 10 })) : { wall: [], cpu: [] };
  return {
    searchP95Ms: round(percentile(search.wall, 95)),
    searchP95CpuMs: round(percentile(search.cpu, 95)),
    storyP95Ms: round(percentile(story.wall, 95)),
    storyP95CpuMs: round(percentile(story.cpu, 95)),
    entityP95Ms: round(percentile(entity.wall, 95)),
    entityP95CpuMs: round(percentile(entity.cpu, 95)),
    searchCalls: search.wall.length,
    searchMedianMsByQuery: mediansByQuery(searches, search.wall),
    storyCalls: story.wall.length,
    entityCalls: entity.wall.length,
  };
}

function mediansByQuery(queries: readonly string[], wall: readonly number[]): Record<string, number> {
  const times = new Map<string, number[]>();
  queries.forEach((q, i) => times.set(q, [...(times.get(q) ?? []), wall[i]!]));
  const medians = [...times].map(([q, ms]) => [q, round(percentile(ms, 50))] as const);
  return Object.fromEntries(medians.sort((a, b) => b[1] - a[1]));
}

/** Every article as NDJSON into a sink that drops the bytes: the store's streaming plus serialisation. */
export async function measureExport(db: Db): Promise<{ articles: number; perSec: number; perCpuSec: number; bytes: number }> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const t = await timed(() => writeExport(exportArticles(db, {}) as AsyncIterable<Record<string, unknown>>, 'ndjson', { stream: sink }));
  return { articles: t.value, perSec: round(t.value / (t.wallMs / 1000), 0), perCpuSec: round(t.value / (t.cpuMs / 1000), 0), bytes };
}
