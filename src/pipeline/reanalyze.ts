/**
 * `newsdesk reanalyze [--since]`: the entities of stored articles found again with the current lists and
 * the researcher's corrections, so that a fixed alias or a new entry reaches the archive and not only the
 * articles that arrive later. Language and text stay as stored; only Mention rows that differ are rewritten,
 * and entities no article names any more are removed. Stories keep their grouping until `recluster`.
 */
import { extractEntities, type EntityCorrections } from '../entities/index.ts';
import type { DetectedLanguage } from '../domain/types.ts';
import type { Db } from '../store/client.ts';
import { replaceMentions } from '../store/articles.ts';
import { EntityIds, mentionRowKeys, removeOrphanEntities } from '../store/entities.ts';
import { storedTexts } from '../store/stored-texts.ts';

export interface ReanalyzeReport {
  /** Articles read. */
  articles: number;
  /** Articles whose Mention rows changed. */
  changed: number;
  /** Entities removed because no article names them any more. */
  entitiesRemoved: number;
}

export async function reanalyzeEntities(
  db: Db,
  options: { since?: Date; corrections?: EntityCorrections } = {},
): Promise<ReanalyzeReport> {
  const ids = new EntityIds();
  const entityOptions = options.corrections ? { corrections: options.corrections } : {};
  let articles = 0;
  let changed = 0;
  for await (const article of storedTexts(db, options.since)) {
    articles += 1;
    const language = article.language as DetectedLanguage;
    const analysis = extractEntities({ title: article.title, text: article.text, language }, entityOptions);
    const rows = mentionRowKeys(analysis.mentions);
    if (rows.length === article.mentionRows.length && rows.every((row, i) => row === article.mentionRows[i])) continue;
    await replaceMentions(db, ids, article.id, { ...analysis, publishedAt: article.publishedAt, fetchedAt: article.fetchedAt });
    changed += 1;
  }
  return { articles, changed, entitiesRemoved: await removeOrphanEntities(db) };
}
