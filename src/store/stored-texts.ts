/** Stored articles read back for a fresh entity analysis (`newsdesk reanalyze`), with the Mention rows they have. */
import type { Db } from './client.ts';
import { articlesSince } from './cluster-articles.ts';
import { mentionRowKey } from './entities.ts';

export interface StoredText {
  id: number;
  title: string;
  /** The body, else the feed's summary: what the analysis read when the article was saved. */
  text: string;
  language: string;
  publishedAt: Date | null;
  fetchedAt: Date;
  /** Its Mention rows as `mentionRowKey`s, sorted. */
  mentionRows: string[];
}

const PAGE = 200;

/** Articles at or after `since` (all without it) in id order, a page at a time. */
export async function* storedTexts(db: Db, since: Date | undefined): AsyncGenerator<StoredText> {
  for (let after = 0; ; ) {
    const rows = await db.article.findMany({
      where: { ...articlesSince(since), id: { gt: after } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: {
        id: true, title: true, bodyText: true, summary: true, language: true, publishedAt: true, fetchedAt: true,
        mentions: { select: { count: true, field: true, start: true, end: true, surface: true, entity: { select: { key: true } } } },
      },
    });
    for (const { bodyText, summary, mentions, ...row } of rows) {
      const mentionRows = mentions.map(({ entity, ...m }) => mentionRowKey({ key: entity.key, ...m })).sort();
      yield { ...row, text: bodyText ?? summary ?? '', mentionRows };
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}
