/**
 * Story ranking shared by `newsdesk stories` and the digest: bigger stories, more distinct outlets,
 * both languages present, and recency (a half-life of 12 hours from the newest article).
 */

export interface RankableStory {
  articleCount: number;
  sourceCount: number;
  languages: string[];
  lastSeen: Date;
}

const HALF_LIFE_HOURS = 12;

export function storyScore(story: RankableStory, now: Date): number {
  const ageHours = Math.max(0, (now.getTime() - story.lastSeen.getTime()) / 3600_000);
  const recency = Math.pow(0.5, ageHours / HALF_LIFE_HOURS);
  const bilingual = story.languages.includes('de') && story.languages.includes('en') ? 1 : 0;
  return (Math.log2(1 + story.articleCount) + 1.5 * Math.log2(1 + story.sourceCount) + bilingual) * (0.5 + recency);
}

export function rankStories<T extends RankableStory>(stories: T[], now: Date): T[] {
  return stories
    .map((story) => ({ story, score: storyScore(story, now) }))
    .sort((a, b) => b.score - a.score || b.story.lastSeen.getTime() - a.story.lastSeen.getTime())
    .map(({ story }) => story);
}
