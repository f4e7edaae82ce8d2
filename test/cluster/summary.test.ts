/**
 * A story's title comes from its most central article, not from the article that founded it. Headlines:
 * UCI News Aggregator (Gasparetti, CC BY 4.0; see test/fixtures/language/SOURCE.md), where a vague
 * founder ("3 Predictions for the New Week") was joined by one report that shared a word with it and then
 * by fifty-odd reports on Prince Harry and Cressida Bonas.
 */
import { describe, expect, it } from 'vitest';
import type { ClusterArticle } from '../../src/domain/types.ts';
import { DEFAULT_CLUSTER_OPTIONS } from '../../src/cluster/clusterer-api.ts';
import { PackedVector } from '../../src/cluster/packed-vector.ts';
import { addMember, createStory } from '../../src/cluster/story.ts';
import { summarizeStory } from '../../src/cluster/summary.ts';
import type { StoryState } from '../../src/cluster/types.ts';

function article(id: number, title: string, language: 'de' | 'en' = 'en'): ClusterArticle {
  return {
    id, url: `https://example.org/${id}`, source: `Outlet ${id}`, title, text: title, language,
    published: new Date(Date.UTC(2014, 2, 10, 17, id)), entities: [],
  };
}

const none = { entities: [], terms: [] };
const founder = article(1, '3 Predictions for the New Week');
const reports: Array<[ClusterArticle, Record<string, number>]> = [
  [article(2, 'Prince Harry and Cressida Bonas to Get Engaged in 2014, Oddsmakers Predict'),
    { 'w:en:predict': 0.5, 'n:harry': 0.5, 'n:cressida': 0.5, 'w:en:engag': 0.5 }],
  [article(3, 'Prince Harry to introduce Cressida Bonas to the Queen at Balmoral'),
    { 'n:harry': 0.6, 'n:cressida': 0.5, 'n:balmoral': 0.6 }],
  [article(4, 'Prince Harry and Cressida Bonas fuel engagement rumours'),
    { 'n:harry': 0.6, 'n:cressida': 0.6, 'w:en:engag': 0.5 }],
];

function grow(options = DEFAULT_CLUSTER_OPTIONS): StoryState {
  let story = createStory('1', founder, PackedVector.from({ 'w:en:predict': 0.7, 'w:en:week': 0.7 }), options);
  for (const [a, vector] of reports) story = addMember(story, a, PackedVector.from(vector), none, options);
  return story;
}

describe('summarizeStory', () => {
  it('takes the title of the member closest to the centre, not the founder', () => {
    const summary = summarizeStory(grow());
    expect(summary.title).not.toBe(founder.title);
    expect(summary.title).toMatch(/Prince Harry/);
    expect(summary.titles.en).toBe(summary.title);
  });

  it('prefers a core member to one outside the core, whose centrality dates from when it joined', () => {
    // with two core members the founder (centrality 1 when it joined) drops out of the core
    const summary = summarizeStory(grow({ ...DEFAULT_CLUSTER_OPTIONS, coreMembers: 2 }));
    expect(summary.title).not.toBe(founder.title);
  });

  it('keeps the founder of a language no core member is in', () => {
    const german = article(5, 'Prinz Harry und Cressida Bonas: Hochzeit in Sicht?', 'de');
    let story = grow({ ...DEFAULT_CLUSTER_OPTIONS, coreMembers: 3 });
    story = addMember(story, german, PackedVector.from({ 'n:harry': 0.3, 'g:hoch': 0.9 }), none, { ...DEFAULT_CLUSTER_OPTIONS, coreMembers: 3 });
    expect(story.core.map((m) => m.id)).not.toContain(5);
    expect(summarizeStory(story).titles.de).toBe(german.title);
  });
});
