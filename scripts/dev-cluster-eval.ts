/**
 * In-process replica of /work/shared/scripts/eval-similarity.py for calibrating the clusterer in
 * seconds: the same article construction (title = first line or first sentence, text = the rest)
 * and the same order, fed straight to createClusterer instead of through `import`/`export`.
 *
 *   node --import tsx scripts/dev-cluster-eval.ts [--data DIR] [--entities] [--merge-at-end] [--set key=value …] [--errors] [--json]
 *
 * --errors lists the SemEval pairs it gets wrong (missed same-story pairs, false merges) with their
 *   languages, human score and titles, on stderr.
 * --entities runs the entities stage (src/entities) on each article as the pipeline will.
 * --merge-at-end turns autoMerge off and merges once after the batch instead.
 * --final-merge keeps autoMerge and, like the import pipeline (StoryAssigner.finish), also merges
 *   every story once more after the batch (the store re-adds each new story under its row id,
 *   which marks it touched).
 * Prints to stdout because it is a developer script, not library code.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createClusterer } from '../src/cluster/index.ts';
import type { ClusterOptions } from '../src/cluster/index.ts';
import type { ClusterArticle, Language } from '../src/domain/types.ts';
import { extractEntities } from '../src/entities/index.ts';
import { pairScores, bcubed, splitTitle, parseCsv, POSITIVE_MAX, NEGATIVE_MIN } from './dev-cluster-metrics.ts';

interface Args {
  data: string;
  entities: boolean;
  mergeAtEnd: boolean;
  finalMerge: boolean;
  errors: boolean;
  json: boolean;
  set: Partial<ClusterOptions>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    data: '/work/shared/eval/similarity',
    entities: false,
    mergeAtEnd: false,
    finalMerge: false,
    errors: false,
    json: false,
    set: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') args.data = argv[++i] ?? args.data;
    else if (a === '--entities') args.entities = true;
    else if (a === '--merge-at-end') args.mergeAtEnd = true;
    else if (a === '--final-merge') args.finalMerge = true;
    else if (a === '--json') args.json = true;
    else if (a === '--errors') args.errors = true;
    else if (a === '--set') {
      const [k, v] = (argv[++i] ?? '').split('=');
      if (k && v) (args.set as Record<string, number>)[k] = Number(v);
    }
  }
  return args;
}

function files(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

interface PairRow {
  url1: string;
  url2: string;
  text1: string;
  text2: string;
  lang1: string;
  lang2: string;
  overall: number;
}

const BASE = Date.parse('2026-01-01T00:00:00Z');

function makeArticle(
  id: number,
  url: string,
  title: string,
  text: string,
  language: string,
  useEntities: boolean,
  published: Date,
  source: string,
): ClusterArticle {
  const lang: Language = language === 'de' ? 'de' : 'en';
  const entities = useEntities ? extractEntities({ title, text, language: lang }).entities : [];
  return { id, url, source, title, text, language: lang, published, entities };
}

function runClusterer(arts: ClusterArticle[], args: Args): { storyOf: Map<string, string>; ms: number } {
  const clusterer = createClusterer({ autoMerge: !args.mergeAtEnd, ...args.set });
  const keyOfArticle = new Map<number, string>();
  const mergedInto = new Map<string, string>();
  const resolve = (key: string): string => {
    let k = key;
    for (let next = mergedInto.get(k); next !== undefined; next = mergedInto.get(k)) k = next;
    return k;
  };
  // CPU time, not wall time: the machine may be shared
  const start = process.cpuUsage();
  for (const article of arts) {
    const assignment = clusterer.assign(article);
    keyOfArticle.set(article.id, assignment.storyKey);
    for (const m of assignment.merged) mergedInto.set(m.from, m.into);
  }
  // the pipeline's alternative: merge once after the whole batch
  if (args.mergeAtEnd) for (const m of clusterer.mergeConverged()) mergedInto.set(m.from, m.into);
  if (args.finalMerge) {
    const keys = clusterer.stories().map((s) => s.key);
    for (const m of clusterer.mergeConverged(keys)) mergedInto.set(m.from, m.into);
  }
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  const storyOf = new Map<string, string>();
  for (const a of arts) storyOf.set(a.url, resolve(keyOfArticle.get(a.id) ?? ''));
  return { storyOf, ms };
}

function runPairs(args: Args): Record<string, unknown> {
  const rows: PairRow[] = [];
  for (const path of files(args.data, '.jsonl')) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as PairRow & { pair_id?: string };
      if (r.pair_id !== undefined && r.overall !== undefined) rows.push(r);
    }
  }
  const arts: ClusterArticle[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const [url, text, lang] of [
      [r.url1, r.text1, r.lang1],
      [r.url2, r.text2, r.lang2],
    ] as const) {
      if (seen.has(url)) continue;
      seen.add(url);
      const [title, body] = splitTitle(text);
      arts.push(
        makeArticle(
          arts.length + 1,
          url,
          title,
          body || title,
          lang,
          args.entities,
          new Date(BASE + arts.length * 1000),
          '',
        ),
      );
    }
  }
  const { storyOf, ms } = runClusterer(arts, args);
  const merged = (r: PairRow) => storyOf.get(r.url1) === storyOf.get(r.url2);
  const groups: Record<string, PairRow[]> = {
    all: rows,
    'de-en': rows.filter((r) => r.lang1 !== r.lang2),
    'de-de': rows.filter((r) => r.lang1 === 'de' && r.lang2 === 'de'),
    'en-en': rows.filter((r) => r.lang1 === 'en' && r.lang2 === 'en'),
  };
  const out: Record<string, unknown> = {
    articles: arts.length,
    stories: new Set(storyOf.values()).size,
    msPerArticle: ms / arts.length,
  };
  for (const [g, list] of Object.entries(groups))
    out[g] = pairScores(list.map((r) => [r.overall, merged(r)]));
  if (args.errors) printErrors(rows, merged);
  return out;
}

function printErrors(rows: PairRow[], merged: (r: PairRow) => boolean): void {
  const title = (text: string) => splitTitle(text)[0].slice(0, 90);
  const wrong = [
    ...rows.filter((r) => r.overall <= POSITIVE_MAX && !merged(r)).map((r) => ['missed', r] as const),
    ...rows.filter((r) => r.overall >= NEGATIVE_MIN && merged(r)).map((r) => ['false merge', r] as const),
  ];
  for (const [kind, r] of wrong) {
    process.stderr.write(`${kind} ${r.lang1}-${r.lang2} overall ${r.overall}\n  ${title(r.text1)}\n  ${title(r.text2)}\n`);
  }
}

function runHeadlines(args: Args): Record<string, unknown> {
  const rows: Array<Record<string, string>> = [];
  for (const path of files(args.data, '.csv')) {
    const table = parseCsv(readFileSync(path, 'utf8'));
    if (table.length && ['TITLE', 'URL', 'STORY'].every((c) => c in (table[0] ?? {}))) rows.push(...table);
  }
  rows.sort(
    (a, b) =>
      Number(a['TIMESTAMP'] ?? 0) - Number(b['TIMESTAMP'] ?? 0) ||
      Number(a['ID'] ?? 0) - Number(b['ID'] ?? 0),
  );
  const seen = new Set<string>();
  const arts: ClusterArticle[] = [];
  const gold = new Map<string, string>();
  for (const r of rows) {
    const url = r['URL'] ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const title = (r['TITLE'] ?? '').trim();
    arts.push(
      makeArticle(
        arts.length + 1,
        url,
        title,
        title,
        'en',
        args.entities,
        new Date(Number(r['TIMESTAMP'])),
        r['PUBLISHER'] ?? '',
      ),
    );
    gold.set(url, r['STORY'] ?? '');
  }
  const { storyOf, ms } = runClusterer(arts, args);
  return { articles: arts.length, msPerArticle: ms / arts.length, ...bcubed(gold, storyOf) };
}

const args = parseArgs(process.argv.slice(2));
const result = { options: args.set, pairs: runPairs(args), headlines: runHeadlines(args) };
if (args.json) console.log(JSON.stringify(result, null, 2));
else {
  const p = result.pairs as Record<string, Record<string, number>>;
  const fmt = (x: number | undefined) => (x ?? 0).toFixed(3);
  for (const g of ['all', 'de-en', 'de-de', 'en-en']) {
    const s = p[g] ?? {};
    console.log(
      `${g.padEnd(6)} recall ${fmt(s['recall'])} (${s['positives']} pos)  false merges ${fmt(s['falseMerge'])} (${s['negatives']} neg)  P ${fmt(s['precision'])} F1 ${fmt(s['f1'])}`,
    );
  }
  const h = result.headlines as Record<string, number>;
  console.log(
    `headlines B-cubed P ${fmt(h['precision'])} R ${fmt(h['recall'])} F1 ${fmt(h['f1'])}  stories ${h['predicted']}/${h['gold']}  ${fmt(h['msPerArticle'])} ms CPU/article`,
  );
  console.log(
    `FIGURE pair_f1=${fmt(p['all']?.['f1'])} pair_f1_de_en=${fmt(p['de-en']?.['f1'])} false_merge=${fmt(p['all']?.['falseMerge'])} story_bcubed_f1=${fmt(h['f1'])}`,
  );
}
