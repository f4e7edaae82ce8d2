/** PLACEHOLDER until the cluster stage lands: every article starts its own story. */
import type { Db } from '../store/client.ts';
import type { ArticleRecord } from '../store/articles.ts';

export class StoryAssigner {
  private touched = new Set<number>();
  constructor(
    private readonly db: Db,
    private readonly options: { windowHours: number },
  ) {}

  async assign(articleId: number, record: ArticleRecord): Promise<void> {
    void this.options;
    const existing = await this.db.storyMember.findFirst({ where: { articleId, leftAt: null } });
    if (existing) return;
    const when = record.publishedAt ?? record.fetchedAt;
    const story = await this.db.story.create({
      data: {
        title: record.title,
        titles: JSON.stringify({ [record.language]: record.title }),
        languages: JSON.stringify([record.language]),
        sources: JSON.stringify([record.source]),
        firstSeenAt: when,
        lastSeenAt: when,
        firstArticleId: articleId,
        articleCount: 1,
        sourceCount: 1,
        members: { create: { articleId, joinedAt: record.fetchedAt } },
      },
    });
    this.touched.add(story.id);
  }

  async finish(): Promise<{ storiesTouched: number }> {
    return { storiesTouched: this.touched.size };
  }
}
