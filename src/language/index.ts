import type { LanguageResult } from '../domain/types.ts';

export interface LanguageInput {
  title?: string;
  text?: string;
  /** Languages declared elsewhere: the page (`<html lang>`, og:locale, JSON-LD), the feed, a caller's hint. */
  declared?: { page?: string | null; feed?: string | null; hint?: string | null };
}

/** STUB, replaced by the language stage. */
export function detectLanguage(_input: LanguageInput): LanguageResult {
  return { language: 'und', confidence: 0, evidence: [] };
}
