/** Metrics and input helpers mirroring /work/shared/scripts/eval-similarity.py, for dev-cluster-eval.ts. */

export const POSITIVE_MAX = 1.5;
export const NEGATIVE_MIN = 3.0;
// same rule as the eval script: a sentence ends after ".!?…" that follows two lower-case
// letters or digits and before an upper-case letter, a digit or an opening quote
const SENTENCE_END = /(?<=[a-zäöüß0-9]{2}[.!?…])["'”“»]?\s+(?=[A-ZÄÖÜ0-9"„“‚'«»])/u;

/** (title, text): the first line, else the first sentence, of the article text. */
export function splitTitle(raw: string): [string, string] {
  const t = raw.trim();
  const line = /\n|\s{2,}/u.exec(t);
  if (line && line.index > 0 && line.index <= 300) {
    return [t.slice(0, line.index).trim(), t.slice(line.index + line[0].length).trim()];
  }
  const sentence = SENTENCE_END.exec(t.slice(0, 300));
  if (sentence)
    return [t.slice(0, sentence.index).trim(), t.slice(sentence.index + sentence[0].length).trim()];
  let cut = t.lastIndexOf(' ', 119);
  cut = cut > 0 ? cut : Math.min(t.length, 120);
  return [t.slice(0, cut).trim(), t.slice(cut).trim()];
}

function prf(tp: number, fp: number, fn: number) {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

export function pairScores(pairs: Array<[number, boolean]>) {
  const pos = pairs.filter(([o]) => o <= POSITIVE_MAX).map(([, m]) => m);
  const neg = pairs.filter(([o]) => o >= NEGATIVE_MIN).map(([, m]) => m);
  const tp = pos.filter(Boolean).length;
  const fp = neg.filter(Boolean).length;
  return {
    ...prf(tp, fp, pos.length - tp),
    positives: pos.length,
    negatives: neg.length,
    falseMerge: neg.length ? fp / neg.length : 0,
  };
}

/** B-cubed precision/recall/F1 of predicted labels against gold labels. */
export function bcubed(gold: Map<string, string>, pred: Map<string, string>) {
  const cells = new Map<string, number>();
  const gsize = new Map<string, number>();
  const psize = new Map<string, number>();
  for (const [item, g] of gold) {
    const p = pred.get(item) ?? `missing:${item}`;
    const cell = `${g}\u0000${p}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
    gsize.set(g, (gsize.get(g) ?? 0) + 1);
    psize.set(p, (psize.get(p) ?? 0) + 1);
  }
  let bp = 0;
  let br = 0;
  for (const [cell, c] of cells) {
    const [g, p] = cell.split('\u0000') as [string, string];
    bp += (c * c) / (psize.get(p) ?? 1);
    br += (c * c) / (gsize.get(g) ?? 1);
  }
  const n = gold.size || 1;
  const precision = bp / n;
  const recall = br / n;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold: gsize.size, predicted: psize.size };
}

/** Minimal RFC 4180 reader: header row, quoted fields with doubled quotes. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field || row.length) endRow();
  const [header, ...body] = rows;
  if (!header) return [];
  return body
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
