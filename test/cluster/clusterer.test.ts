import { describe, expect, it } from 'vitest';
import { createClusterer } from '../../src/cluster/index.ts';
import type { ClusterSnapshot } from '../../src/cluster/index.ts';
import { article, duysakDe, duysakEn, duysakEn2, trumpTaxEn, twitterCharsEn } from './scenario.ts';

const HOUR = 3_600_000;
const later = (a: { published: Date }, hours: number) => new Date(a.published.getTime() + hours * HOUR);

describe('time window', () => {
  it('does not join a story whose articles are more than the window away', () => {
    const clusterer = createClusterer({ windowHours: 72 });
    const en = duysakEn();
    const first = clusterer.assign(en);
    const sameDays = clusterer.assign({ ...duysakEn2(), published: later(en, 48) });
    const weeksLater = clusterer.assign({ ...duysakDe(), published: later(en, 24 * 20) });
    expect(sameDays.storyKey).toBe(first.storyKey);
    expect(weeksLater.isNew).toBe(true);
  });

  it('evicts stories that fell out of the window, bounding memory', () => {
    const clusterer = createClusterer({ windowHours: 24 });
    const base = new Date('2024-01-01T00:00:00Z').getTime();
    for (let day = 0; day < 30; day++) {
      clusterer.assign(
        article({
          title: `Unique event number ${day}`,
          text: `Token${day}x happened.`,
          language: 'en',
          published: new Date(base + day * 24 * HOUR),
        }),
      );
    }
    // two windows of history at most are kept
    expect(clusterer.stories().length).toBeLessThanOrEqual(3);
    const evicted = clusterer.evict(new Date(base + 40 * 24 * HOUR));
    expect(evicted.length).toBeGreaterThan(0);
    expect(clusterer.stories()).toEqual([]);
  });
});

describe('corrections', () => {
  it('honours a pinned story even for an unrelated article (must-link)', () => {
    const clusterer = createClusterer();
    const story = clusterer.assign(duysakEn());
    const pinned = clusterer.assign(trumpTaxEn(), { pinnedStoryKey: story.storyKey });
    expect(pinned).toMatchObject({ storyKey: story.storyKey, isNew: false });
    expect(clusterer.getStory(story.storyKey)?.members).toHaveLength(2);
  });

  it('creates the pinned story when it is not loaded', () => {
    const clusterer = createClusterer();
    expect(clusterer.assign(duysakEn(), { pinnedStoryKey: 'story-42' })).toMatchObject({
      storyKey: 'story-42',
      isNew: true,
    });
  });

  it('never puts an article back into a story it was split out of (cannot-link)', () => {
    const clusterer = createClusterer();
    const story = clusterer.assign(duysakEn());
    const free = createClusterer();
    free.assign(duysakEn());
    expect(free.assign(duysakEn2()).isNew).toBe(false);
    const split = clusterer.assign(duysakEn2(), { forbiddenStoryKeys: [story.storyKey] });
    expect(split.storyKey).not.toBe(story.storyKey);
  });

  it('marks a story curated after a split and never proposes it for an automatic merge', () => {
    const clusterer = createClusterer();
    const a = clusterer.assign(duysakEn());
    const second = duysakEn2();
    expect(clusterer.assign(second).storyKey).toBe(a.storyKey);
    const after = clusterer.removeArticle(a.storyKey, second.id);
    expect(after?.members.map((m) => m.id)).not.toContain(second.id);
    expect(after?.curated).toBe(true);
    expect(clusterer.mergeCandidates([a.storyKey])).toEqual([]);
  });
});

describe('snapshot', () => {
  it('round-trips through JSON and continues exactly like the original', () => {
    const original = createClusterer();
    original.assign(twitterCharsEn());
    original.assign(duysakEn());
    const json = JSON.parse(JSON.stringify(original.snapshot())) as ClusterSnapshot;
    const restored = createClusterer({}, json);
    expect(restored.snapshot()).toEqual(original.snapshot());
    const de = duysakDe();
    expect(restored.assign(de)).toEqual(original.assign(de));
  });

  it('loads states saved before cannot-links existed (no `apart`) as stories without any', () => {
    const original = createClusterer();
    original.assign(twitterCharsEn());
    original.assign(duysakEn());
    const json = JSON.parse(JSON.stringify(original.snapshot())) as ClusterSnapshot;
    for (const story of json.stories) delete (story as Partial<typeof story>).apart;
    const restored = createClusterer({}, json);
    expect(restored.stories().map((s) => s.apart)).toEqual(original.stories().map(() => []));
    expect(restored.snapshot()).toEqual(original.snapshot());
  });
});

describe('drift bound', () => {
  const words = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}${String.fromCharCode(97 + i)}q`).join(' ');
  it('does not let a story grow by chaining articles that drift away from its core', () => {
    const clusterer = createClusterer({ coreRatio: 0.6, threshold: 0.25 });
    const topicA = words('alfa', 15);
    const topicB = words('bravo', 15);
    const core = [1, 2, 3].map(() => clusterer.assign(article({ title: '', text: topicA, language: 'en' })));
    const bridge = clusterer.assign(article({ title: '', text: `${topicA} ${topicB}`, language: 'en' }));
    const drifted = [1, 2].map(() =>
      clusterer.assign(article({ title: '', text: `${topicB} ${words('charlie', 6)}`, language: 'en' })),
    );
    const key = core[0]!.storyKey;
    expect(core.map((a) => a.storyKey)).toEqual([key, key, key]);
    expect(bridge.storyKey).toBe(key);
    expect(drifted[0]!.storyKey).not.toBe(key);
    // the drifted articles form their own story rather than dragging the first one along
    expect(drifted[1]!.storyKey).toBe(drifted[0]!.storyKey);
  });
});

describe('merging converged stories', () => {
  it('merges two stories that became one and reports the merge', () => {
    const states = [duysakEn(), duysakEn2()].map((a) => {
      const single = createClusterer();
      return single.getStory(single.assign(a).storyKey)!;
    });
    const clusterer = createClusterer();
    states.forEach((s) => clusterer.addStory(s));
    const candidates = clusterer.mergeCandidates(states.map((s) => s.key));
    expect(candidates[0]).toMatchObject({ into: expect.any(String), from: expect.any(String) });
    const merges = clusterer.mergeConverged(states.map((s) => s.key));
    expect(merges).toHaveLength(1);
    expect(clusterer.stories()).toHaveLength(1);
    expect(clusterer.stories()[0]?.members).toHaveLength(2);
  });

  it('never merges a story with one its article was split out of', () => {
    const clusterer = createClusterer();
    const a = clusterer.assign(duysakEn());
    const b = clusterer.assign(duysakEn2(), { forbiddenStoryKeys: [a.storyKey] });
    expect(b.merged).toEqual([]);
    expect(clusterer.mergeCandidates([a.storyKey, b.storyKey])).toEqual([]);
    expect(clusterer.stories()).toHaveLength(2);
  });
});
