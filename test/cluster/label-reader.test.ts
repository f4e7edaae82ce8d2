/**
 * "Why grouped" in a researcher's words: the clusterer's labels (stems, folded names, handles, lexicon
 * concepts) read back as the forms the story's own texts use (the seed scenario's deactivation reports).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelReader } from '../../src/cluster/index.ts';

const articles = readFileSync('test/fixtures/stories/seed-scenario.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { url: string; title: string; text: string; language: string })
  .filter((a) => /heise|theverge/.test(a.url));
const read = labelReader(articles.map((a) => ({ text: `${a.title} ${a.text}`, language: a.language })));

describe('labelReader', () => {
  it('gives names their written form, multi-word names and handles included', () => {
    expect(['trump', 'twitter', 'donald trump', '@realdonaldtrump'].map(read)).toEqual([
      'Trump', 'Twitter', 'Donald Trump', '@realDonaldTrump',
    ]);
  });

  it('gives a stem the word its language writes most often', () => {
    expect(read('restor')).toBe('restored');
    expect(read('ursach')).toBe('Ursache');
  });

  it('gives a lexicon concept the most frequent word of either language', () => {
    expect(read('deactivated')).toBe('deactivated'); // twice in English, once in German
    expect(read('minutes')).toBe('Minuten'); // twice in German, once in English
  });

  it("spells out an entity the texts only abbreviate from the story's entity names", () => {
    const sources = [{ text: 'Snowden: Proposed NSA reforms vindicate data leaks', language: 'en' }];
    expect(labelReader(sources, ['Edward Snowden', 'National Security Agency'])('national security agency')).toBe(
      'National Security Agency',
    );
    expect(labelReader(sources)('national security agency')).toBe('national security agency');
  });

  it('leaves a label that no text explains as it is', () => {
    expect(read('duysak')).toBe('duysak');
    expect(labelReader([])('scienc')).toBe('scienc');
  });
});
