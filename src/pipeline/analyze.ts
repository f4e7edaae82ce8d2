/** Language and entities for one article: the analysis every path (fetch, import, analyze) shares. */
import type { Analysis } from '../domain/types.ts';
import { detectLanguage } from '../language/index.ts';
import { extractEntities, type EntityCorrections } from '../entities/index.ts';

export interface AnalyzeInput {
  title: string;
  text: string;
  declared?: { page?: string | null; feed?: string | null; hint?: string | null };
}

export interface AnalyzeOptions {
  /** Entity corrections that win over the shipped ones (settings.entityCorrections). */
  corrections?: EntityCorrections;
}

export function analyzeArticle(input: AnalyzeInput, options: AnalyzeOptions = {}): Analysis {
  const language = detectLanguage({ title: input.title, text: input.text, declared: input.declared ?? {} });
  const { mentions, entities } = extractEntities({
    title: input.title,
    text: input.text,
    language: language.language,
  }, options.corrections ? { corrections: options.corrections } : {});
  return { language, mentions, entities };
}
