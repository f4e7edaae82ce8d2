/**
 * Declared languages as written by pages, feeds and callers: 'de', 'de-DE', 'de_AT', 'deu', 'ger',
 * 'German', 'Deutsch', 'en-us', 'eng', 'English' … mapped to de, en, another language, or nothing.
 */
import type { Language } from '../domain/types.ts';

export type DeclaredLanguage = Language | 'other';

const GERMAN = new Set(['de', 'deu', 'ger', 'german', 'deutsch', 'gsw']);
const ENGLISH = new Set(['en', 'eng', 'english']);
/** Tags that say nothing: "und" (undetermined), "mul" (several), "zxx" (no linguistic content). */
const UNKNOWN = new Set(['und', 'mul', 'zxx', 'mis', 'x', 'i']);

export function normaliseDeclared(value: string | null | undefined): DeclaredLanguage | undefined {
  if (typeof value !== 'string') return undefined;
  // "en-US, de-DE" in some feeds: the first tag is the main one.
  const first = value.trim().toLowerCase().split(/[,;\s]+/)[0] ?? '';
  const primary = first.split(/[-_.]/)[0] ?? '';
  if (primary === '' || !/^[a-z]{1,8}$/.test(primary) || UNKNOWN.has(primary)) return undefined;
  if (GERMAN.has(primary)) return 'de';
  if (ENGLISH.has(primary)) return 'en';
  return 'other';
}
