/**
 * Fast in-process harness for the entities stage: the same data and scoring as
 * /work/shared/scripts/eval-entities.py (tokens joined by single spaces, exact spans, PER/ORG),
 * without the CLI, plus samples of errors to find their categories.
 * Usage: node --import tsx scripts/dev-entities-eval.ts [--data DIR] [--set germeval|btc|wnut17] [--errors N]
 * The published figures come from the Python script, never from this file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities } from '../src/entities/index.ts';

interface Doc { set: string; text: string; gold: Set<string>; handles: Set<string> }

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const dataDir = option('data', '/work/shared/eval/entities');
const only = option('set', '');
const errorSamples = Number(option('errors', '0'));

function readColumns(path: string, tokenCol: number, tagCol: number): Array<[string[], string[]]> {
  const docs: Array<[string[], string[]]> = [];
  let toks: string[] = [];
  let tags: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#\t') || line.startsWith('# ')) continue;
    if (line.trim() === '') {
      if (toks.length) docs.push([toks, tags]);
      toks = [];
      tags = [];
      continue;
    }
    const parts = line.includes('\t') ? line.split('\t') : line.split(/\s+/u);
    if (parts.length < 2) continue;
    toks.push(parts[tokenCol] ?? '');
    tags.push((tagCol < 0 ? parts[parts.length - 1] : parts[tagCol])?.trim() ?? 'O');
  }
  if (toks.length) docs.push([toks, tags]);
  return docs;
}

function rejoinHandles(toks: string[], tags: string[]): [string[], string[], number[]] {
  const outT: string[] = [];
  const outG: string[] = [];
  const handles: number[] = [];
  for (let i = 0; i < toks.length; i += 1) {
    const t = (toks[i] ?? '').trim();
    const next = (toks[i + 1] ?? '').trim();
    if (t === '@' && /^\w+$/u.test(next)) {
      outT.push(`@${next}`);
      outG.push(tags[i] !== 'O' ? (tags[i] ?? 'O') : (tags[i + 1] ?? 'O'));
      handles.push(outT.length - 1);
      i += 1;
      continue;
    }
    outT.push(toks[i] ?? '');
    outG.push(tags[i] ?? 'O');
    if (/^@\w+$/u.test(t)) handles.push(outT.length - 1);
  }
  return [outT, outG, handles];
}

function toDoc(set: string, toks: string[], tags: string[], typeMap: Record<string, string>, handleIdx: number[]): Doc {
  const spans: Array<[number, number] | null> = [];
  const parts: string[] = [];
  let pos = 0;
  for (const raw of toks) {
    const t = raw.trim();
    if (!t) { spans.push(null); continue; }
    if (parts.length) pos += 1;
    spans.push([pos, pos + t.length]);
    pos += t.length;
    parts.push(t);
  }
  const gold = new Set<string>();
  let start = -1;
  let cur = '';
  const flush = (endIdx: number) => {
    const type = typeMap[cur];
    const a = spans.slice(start, endIdx + 1).filter((s): s is [number, number] => s !== null);
    if (type && a.length) gold.add(`${a[0]?.[0]}:${a[a.length - 1]?.[1]}:${type}`);
  };
  [...tags, 'O'].forEach((tag, i) => {
    const [prefix, type = ''] = tag.includes('-') ? [tag.slice(0, tag.indexOf('-')), tag.slice(tag.indexOf('-') + 1)] : ['O', ''];
    const p = prefix === 'B' || prefix === 'I' ? prefix : 'O';
    const begin = p === 'B' || (p === 'I' && type !== cur);
    if (cur && (p === 'O' || begin)) { flush(i - 1); cur = ''; }
    if (begin) { start = i; cur = type; }
  });
  const handles = new Set(handleIdx.map((i) => spans[i]).filter((s): s is [number, number] => s !== null).map(([a, b]) => `${a}:${b}`));
  for (const g of [...gold]) if (handles.has(g.split(':').slice(0, 2).join(':'))) gold.delete(g);
  return { set, text: parts.join(' '), gold, handles };
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  const ge = join(dataDir, 'germeval');
  for (const f of readdirSync(ge).filter((f) => /^NER-de-.*\.tsv$/u.test(f))) {
    for (const [t, g] of readColumns(join(ge, f), 1, 2)) docs.push(toDoc('germeval', t, g, { PER: 'PER', ORG: 'ORG' }, []));
  }
  const btc = join(dataDir, 'btc');
  for (const f of readdirSync(btc).filter((f) => f.startsWith('btc.') && !f.endsWith('.md'))) {
    for (const [t0, g0] of readColumns(join(btc, f), 0, -1)) {
      const [t, g, h] = rejoinHandles(t0, g0);
      docs.push(toDoc('btc', t, g, { PER: 'PER', ORG: 'ORG' }, h));
    }
  }
  const wn = join(dataDir, 'wnut17');
  for (const f of readdirSync(wn).filter((f) => f.endsWith('.conll') || f.endsWith('.annotated'))) {
    for (const [t, g] of readColumns(join(wn, f), 0, -1)) docs.push(toDoc('wnut17', t, g, { person: 'PER', corporation: 'ORG', group: 'ORG' }, []));
  }
  return docs.filter((d) => d.text && (!only || d.set === only));
}

const docs = loadDocs();
const counts = new Map<string, { tp: number; fp: number; fn: number }>();
const errors: string[] = [];
let handleFound = 0;
let handleTotal = 0;
const started = performance.now();
for (const doc of docs) {
  const language = doc.set === 'germeval' ? 'de' : 'en';
  const { mentions } = extractEntities({ text: doc.text, language });
  const spans = new Set(mentions.map((m) => `${m.start}:${m.end}`));
  for (const h of doc.handles) { handleTotal += 1; if (spans.has(h)) handleFound += 1; }
  const pred = new Set(mentions.filter((m) => m.type === 'person' || m.type === 'organization')
    .map((m) => `${m.start}:${m.end}:${m.type === 'person' ? 'PER' : 'ORG'}`)
    .filter((k) => !doc.handles.has(k.split(':').slice(0, 2).join(':'))));
  for (const type of ['PER', 'ORG']) {
    const key = `${doc.set}/${type}`;
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    const g = [...doc.gold].filter((x) => x.endsWith(type));
    const p = [...pred].filter((x) => x.endsWith(type));
    for (const x of p) {
      if (doc.gold.has(x)) c.tp += 1;
      else { c.fp += 1; errors.push(`FP ${key} ${show(doc.text, x)}  | ${doc.text.slice(0, 160)}`); }
    }
    for (const x of g) if (!pred.has(x)) { c.fn += 1; errors.push(`FN ${key} ${show(doc.text, x)}  | ${doc.text.slice(0, 160)}`); }
    counts.set(key, c);
  }
}
const ms = performance.now() - started;

function show(text: string, key: string): string {
  const [a, b] = key.split(':').map(Number);
  return `[${text.slice(a, b)}]`;
}
const f1 = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
};
for (const [key, c] of [...counts].sort()) process.stderr.write(`${key.padEnd(16)} ${f1(c)}\n`);
for (const set of new Set([...counts.keys()].map((k) => k.split('/')[0]))) {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const [k, c] of counts) if (k.startsWith(`${set}/`)) { sum.tp += c.tp; sum.fp += c.fp; sum.fn += c.fn; }
  process.stderr.write(`${`${set}/micro`.padEnd(16)} ${f1(sum)}\n`);
}
if (handleTotal) process.stderr.write(`handles ${handleFound}/${handleTotal}\n`);
process.stderr.write(`${docs.length} docs in ${ms.toFixed(0)} ms\n`);
if (errorSamples > 0) {
  const step = Math.max(1, Math.floor(errors.length / errorSamples));
  for (let i = 0; i < errors.length; i += step) process.stderr.write(`${errors[i]}\n`);
}
