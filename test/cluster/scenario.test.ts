import { describe, expect, it } from 'vitest';
import { createClusterer, summarizeStory } from '../../src/cluster/index.ts';
import type { ClusterArticle } from '../../src/domain/types.ts';
import {
  duysakDe,
  duysakEn,
  duysakEn2,
  trumpKoreaDe,
  trumpTaxEn,
  twitterCharsEn,
  twitterVerifiedDe,
} from './scenario.ts';

function run(articles: ClusterArticle[]) {
  const clusterer = createClusterer();
  const storyOf = new Map<number, string>();
  for (const a of articles) storyOf.set(a.id, clusterer.assign(a).storyKey);
  return { clusterer, storyOf };
}

describe('the Trump-account incident (seed scenario)', () => {
  it('puts the German and English reports in one story and the distractors outside it', () => {
    const de = duysakDe();
    const en = duysakEn();
    const en2 = duysakEn2();
    const distractors = [trumpTaxEn(), trumpKoreaDe(), twitterCharsEn(), twitterVerifiedDe()];
    const { clusterer, storyOf } = run([
      distractors[2]!,
      en,
      distractors[0]!,
      de,
      distractors[1]!,
      en2,
      distractors[3]!,
    ]);
    const story = storyOf.get(en.id);
    expect(storyOf.get(de.id)).toBe(story);
    expect(storyOf.get(en2.id)).toBe(story);
    for (const d of distractors) expect(storyOf.get(d.id)).not.toBe(story);

    const summary = summarizeStory(clusterer.getStory(story!)!);
    expect(summary.languages).toEqual(['de', 'en']);
    expect(summary.articleCount).toBe(3);
    expect(summary.first?.source).toBe('TechCrunch');
    expect(summary.titles.de).toBe(de.title);
    expect(summary.entities).toContain('duysak');
  });

  it('explains a cross-language join by the shared names', () => {
    const clusterer = createClusterer();
    clusterer.assign(duysakEn());
    const joined = clusterer.assign(duysakDe());
    expect(joined.isNew).toBe(false);
    expect(joined.reasons.entities).toEqual(expect.arrayContaining(['duysak', '@realdonaldtrump']));
  });

  it('uses canonical entities from the entities stage when they are present', () => {
    const names = [
      { name: 'Bahtiyar Duysak', type: 'person' as const },
      { name: 'Donald Trump', type: 'person' as const },
      { name: '@realDonaldTrump', type: 'account' as const, owner: 'Donald Trump' },
    ];
    const clusterer = createClusterer();
    const first = clusterer.assign(duysakEn(names));
    const second = clusterer.assign(duysakDe(names));
    expect(second.storyKey).toBe(first.storyKey);
    expect(summarizeStory(clusterer.getStory(first.storyKey)!).entities[0]).toBe('Bahtiyar Duysak');
  });

  it('keeps the distractors apart from each other', () => {
    const distractors = [trumpTaxEn(), trumpKoreaDe(), twitterCharsEn(), twitterVerifiedDe()];
    const { storyOf } = run(distractors);
    expect(new Set(storyOf.values()).size).toBe(4);
  });
});
