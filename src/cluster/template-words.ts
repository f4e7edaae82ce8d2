/**
 * The words of a field for outlet templates (source-templates.ts): maximal runs of letters and digits,
 * each hashed folded, with their offsets, in scratch typed arrays.
 */
import { fold } from './features.ts';
import { widened } from './packed-vector.ts';

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * The words of a field, hashed folded, with their offsets, in parallel arrays (an object per word cost
 * more than the rest of the cut); each word is hashed once, not once per shingle it is in. The arrays
 * are scratch space, refilled for the next article: only their first `count` entries are its words.
 */
export interface Words {
  field: string;
  count: number;
  hashes: Uint32Array;
  /** Where each word starts and ends in the field (UTF-16 offsets, end exclusive). */
  starts: Int32Array;
  ends: Int32Array;
}

const SCRATCH_WORDS = 1024;
/** A scratch list that grew past this (a huge text) is let go before the next use. */
const SCRATCH_KEPT = 1 << 16;

function scratch(): Words {
  const size = SCRATCH_WORDS;
  return { field: '', count: 0, hashes: new Uint32Array(size), starts: new Int32Array(size), ends: new Int32Array(size) };
}

/** The scratch lists: a title's and a text's words are in use together, an entity name's (`NAME_WORDS`) with them. */
export const TITLE_WORDS = scratch();
export const TEXT_WORDS = scratch();
export const NAME_WORDS = scratch();

/**
 * The field's words (maximal runs of letters and digits, `/[\p{L}\p{N}]+/u`) with the FNV hash of each
 * folded: a word of ASCII letters and digits only folds to lower case, so its hash is taken on the fly
 * from its characters; any other word is folded first. No match array, string or call per word: a
 * character's class is looked up in a table filled as characters are met (code points beyond the BMP,
 * rare, are tested each time).
 */
export function words(field: string, out: Words): Words {
  out.field = field;
  out.count = 0;
  if (out.hashes.length > SCRATCH_KEPT) Object.assign(out, scratch(), { field });
  let start = -1;
  let h = FNV_OFFSET;
  let ascii = true;
  for (let i = 0; i <= field.length; i++) {
    const code = i < field.length ? field.charCodeAt(i) : -1;
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < field.length && isLowSurrogate(field.charCodeAt(i + 1));
    const inWord = code >= 0 && (pair ? WORD_CHARACTER.test(field.slice(i, i + 2)) : isWordUnit(code));
    if (!inWord) {
      if (start >= 0) {
        if (out.count === out.hashes.length) grow(out);
        out.hashes[out.count] = ascii ? h >>> 0 : fnv(FNV_OFFSET, fold(field.slice(start, i)));
        out.starts[out.count] = start;
        out.ends[out.count] = i;
        out.count++;
        start = -1;
      }
    } else {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
        ascii = true;
      }
      if (code < 0x80) h = Math.imul(h ^ (code >= 0x41 && code <= 0x5a ? code + 0x20 : code), FNV_PRIME);
      else ascii = false;
    }
    if (pair) i++;
  }
  return out;
}

function grow(list: Words): void {
  const size = list.hashes.length * 2;
  list.hashes = widened(list.hashes, size);
  list.starts = widened(list.starts, size);
  list.ends = widened(list.ends, size);
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit: 0 not classified yet, 1 a letter or digit, 2 neither. */
const unitClass = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  let known = unitClass[code]!;
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    unitClass[code] = known;
  }
  return known === 1;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function fnv(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}
