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
const sources = articles.map((a) => ({ text: `${a.title} ${a.text}`, language: a.language }));
const read = labelReader(sources);

describe('labelReader', () => {
  it('gives names their written form, multi-word names and handles included', () => {
    expect(read(['trump', 'twitter', 'donald trump', '@realdonaldtrump'])).toEqual([
      'Trump', 'Twitter', 'Donald Trump', '@realDonaldTrump',
    ]);
  });

  it('gives a stem the word its language writes most often', () => {
    expect(read(['restor', 'ursach'])).toEqual(['restored', 'Ursache']);
  });

  it('gives a lexicon concept the most frequent word of either language', () => {
    // "deactivated" twice in English, once in German; "Minuten" twice in German, once in English
    expect(read(['deactivated', 'minutes'])).toEqual(['deactivated', 'Minuten']);
  });

  it("spells out an entity the texts only abbreviate from the story's entity names", () => {
    const snowden = [{ text: 'Snowden: Proposed NSA reforms vindicate data leaks', language: 'en' }];
    const entities = [{ name: 'Edward Snowden', type: 'person' }, { name: 'National Security Agency', type: 'organization' }];
    expect(labelReader(snowden, entities)(['national security agency'])).toEqual(['National Security Agency']);
    expect(labelReader(snowden)(['national security agency'])).toEqual(['national security agency']);
  });

  it("lets a word of one key person's name stand for the person, each label once", () => {
    const reader = labelReader(sources, [
      { name: 'Donald Trump', type: 'person' },
      { name: 'Kim Jong-un', type: 'person' },
      { name: 'Twitter', type: 'organization' },
    ]);
    expect(reader(['trump', 'donald', 'donald trump', 'kim', 'jong', 'twitter', 'account'])).toEqual([
      'Donald Trump', 'Kim Jong-un', 'Twitter', 'account',
    ]);
    // as written in the name: the "un" of "Kim Jong-un" is not the UN
    const korea = [{ text: 'UN: Kim Jong-un baut sein Atomprogramm aus, sagt die UN', language: 'de' }];
    expect(labelReader(korea, [{ name: 'Kim Jong-un', type: 'person' }])(['un', 'kim'])).toEqual(['UN', 'Kim Jong-un']);
    // a word that is a key entity of its own stays itself
    const bitcoin = labelReader(sources, [{ name: 'Bitcoin', type: 'product' }, { name: 'Bitcoin Millions', type: 'person' }]);
    expect(bitcoin(['bitcoin', 'millions'])).toEqual(['Bitcoin', 'Bitcoin Millions']);
    // a word two key people share stays a word
    const shared = labelReader(sources, [{ name: 'Donald Trump', type: 'person' }, { name: 'Ivanka Trump', type: 'person' }]);
    expect(shared(['trump', 'donald'])).toEqual(['Trump', 'Donald Trump']);
  });

  it('leaves a label that no text explains as it is', () => {
    expect(read(['duysak'])).toEqual(['duysak']);
    expect(labelReader([])(['scienc'])).toEqual(['scienc']);
  });
});
