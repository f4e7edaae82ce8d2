/**
 * Development harness for the extractor: runs extractArticle over the trafilatura evaluation pages
 * in one process and scores them with the metric of /work/shared/scripts/eval-extract.py.
 * Usage: node --import tsx scripts/dev-extract-eval.ts [--data DIR] [--dump FILE] [--only SUBSTR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeHtml, extractArticle } from '../src/extract/index.ts';

interface Page { url: string; html_gz: string; with: string[]; without: string[] }

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const data = option('--data') ?? '/work/shared/eval/extract/trafilatura';
const only = option('--only');
const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();

const pages = readFileSync(join(data, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((line) => JSON.parse(line) as Page).filter((page) => !only || page.url.includes(only));
const totals = { all: [0, 0, 0, 0], de: [0, 0, 0, 0] };
const failures: unknown[] = [];
const texts: Record<string, { text: string }> = {};
let elapsed = 0;
for (const page of pages) {
  const bytes = gunzipSync(readFileSync(join(data, page.html_gz)));
  const started = performance.now();
  const result = extractArticle(decodeHtml(bytes), { url: page.url });
  elapsed += performance.now() - started;
  texts[page.url] = { text: result.text };
  const text = norm(result.text);
  const missed = page.with.filter((w) => !text.includes(norm(w)));
  const leaked = page.without.filter((w) => text.includes(norm(w)));
  const row = [page.with.length - missed.length, leaked.length, missed.length, page.without.length - leaked.length];
  const german = (new URL(page.url).hostname.replace(/\.$/, '')).endsWith('.de');
  for (let i = 0; i < 4; i += 1) {
    totals.all[i]! += row[i]!;
    if (german) totals.de[i]! += row[i]!;
  }
  if (missed.length || leaked.length) failures.push({ url: page.url, file: page.html_gz, missed, leaked, chars: text.length });
}
const report = (name: string, [tp, fp, fn]: number[]): string => {
  const p = tp! / (tp! + fp!);
  const r = tp! / (tp! + fn!);
  return `${name}: P ${p.toFixed(3)} R ${r.toFixed(3)} F ${(2 * tp! / (2 * tp! + fp! + fn!)).toFixed(4)} (tp ${tp} fp ${fp} fn ${fn})`;
};
process.stderr.write(`${report('all', totals.all)}\n${report('de', totals.de)}\n`);
process.stderr.write(`${pages.length} pages, ${(elapsed / pages.length).toFixed(1)} ms/page\n`);
const dump = option('--dump');
if (dump) writeFileSync(dump, JSON.stringify(failures, null, 1));
const save = option('--save');
if (save) writeFileSync(save, JSON.stringify(texts));
