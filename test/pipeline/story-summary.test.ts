import { describe, expect, it } from 'vitest';
import { PackedVector, type MemberSummary, type StoryState } from '../../src/cluster/index.ts';
import { summariseStory } from '../../src/pipeline/story-summary.ts';

function member(id: number, entities: string[], terms: string[], published = `2026-12-0${id % 9 + 1}T10:00:00.000Z`): MemberSummary {
  return {
    id, url: `https://example.org/${id}`, source: 'example.org', language: 'en', title: `Article ${id}`,
    published, centrality: 1 / id, reasons: { entities, terms },
  };
}

function story(members: MemberSummary[]): StoryState {
  return {
    key: '7', firstSeen: '2026-12-01T00:00:00.000Z', lastSeen: '2026-12-09T00:00:00.000Z', curated: false, apart: [],
    members, core: [], centroid: PackedVector.from({}), entities: { 'Donald Trump': 2, Twitter: 3 },
  };
}

describe('story summary', () => {
  it('ranks the reasons members joined for, and follows the story as it grows and splits', () => {
    const founder = member(1, [], []);
    const a = member(2, ['twitter'], ['account']);
    const b = member(3, ['trump', 'twitter'], ['account', 'deactivate']);
    const grown = story([founder, a, b]);
    expect(summariseStory(grown, new Map()).reasons).toEqual({ entities: ['twitter', 'trump'], terms: ['account', 'deactivate'] });

    // joins append: the counts so far carry over, the new members add to them
    const c = member(4, ['trump', 'duysak'], ['deactivate']);
    const d = member(5, ['trump'], ['deactivate', 'employee']);
    expect(summariseStory(story([founder, a, b, c, d]), new Map()).reasons).toEqual({
      entities: ['trump', 'twitter', 'duysak'], terms: ['deactivate', 'account', 'employee'],
    });

    // a split takes a member out of the middle: counted afresh
    expect(summariseStory(story([founder, a, c, d]), new Map()).reasons).toEqual({
      entities: ['trump', 'twitter', 'duysak'], terms: ['deactivate', 'account', 'employee'],
    });
    expect(summariseStory(story([founder, b]), new Map()).reasons).toEqual({
      entities: ['trump', 'twitter'], terms: ['account', 'deactivate'],
    });
    // an older state of the story, summarised after a newer one, gives its own counts
    expect(summariseStory(grown, new Map()).reasons).toEqual({ entities: ['twitter', 'trump'], terms: ['account', 'deactivate'] });
  });

  it('names the article published first, the earlier listed on a tie', () => {
    const late = member(1, [], [], '2026-12-04T12:00:00.000Z');
    const early = member(2, [], [], '2026-12-04T09:00:00.000Z');
    const alsoEarly = member(3, [], [], '2026-12-04T09:00:00.000Z');
    expect(summariseStory(story([late, early, alsoEarly]), new Map()).firstArticleId).toBe(2);
    expect(summariseStory(story([late, alsoEarly, early]), new Map()).firstArticleId).toBe(3);
  });
});
