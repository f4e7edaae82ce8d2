import { describe, expect, it } from 'vitest';
import { tokenizeWords } from '../../src/language/tokens.ts';
import { capitalisationLogOdds } from '../../src/language/orthography.ts';

describe('tokenizeWords', () => {
  it('splits at hyphens, digits and punctuation and lower-cases', () => {
    expect(tokenizeWords('Microsoft Teams bekommt KI-Update (2024)!').map((t) => t.word)).toEqual([
      'microsoft', 'teams', 'bekommt', 'ki', 'update',
    ]);
  });

  it('keeps umlauts, ß and inner apostrophes, normalising the curly one', () => {
    expect(tokenizeWords('Straße, Grüße; don’t it\'s').map((t) => t.word)).toEqual([
      'straße', 'grüße', "don't", "it's",
    ]);
  });

  it('marks capitalised words, sentence starts and inner capitals', () => {
    const tokens = tokenizeWords('Das neue iPhone. Apple sagt: KI kommt');
    expect(tokens.map((t) => [t.word, t.capitalised, t.sentenceStart, t.innerCapital])).toEqual([
      ['das', true, true, false],
      ['neue', false, false, false],
      ['iphone', false, false, true],
      ['apple', true, true, false],
      ['sagt', false, false, false],
      ['ki', false, true, false],
      ['kommt', false, false, false],
    ]);
  });

  it('skips glued junk longer than any word', () => {
    expect(tokenizeWords(`${'a'.repeat(60)} Wort`).map((t) => t.word)).toEqual(['wort']);
  });

  it('reads letters beyond Latin, astral ones included, and any white space before a sentence start', () => {
    const tokens = tokenizeWords('Ende.\u00a0\u2003Ωmega 𝐀𝐁c x2y ½ İstanbul');
    expect(tokens.map((t) => [t.word, t.sentenceStart])).toEqual([
      ['ende', true], ['ωmega', true], ['𝐀𝐁c', false], ['x', false], ['y', false], ['i̇stanbul', false],
    ]);
  });

  it('looks for the sentence end back to the last word scored, past a skipped one', () => {
    // the glued junk is not scored, so "Wort" follows "Ende." as far as sentence starts go
    const tokens = tokenizeWords(`Ende. ${'a'.repeat(60)} Wort`);
    expect(tokens.map((t) => [t.word, t.sentenceStart])).toEqual([['ende', true], ['wort', false]]);
  });
});

describe('capitalisationLogOdds', () => {
  it('points to German when many inner words are capitalised in running text', () => {
    const german = tokenizeWords('Die Regierung will das Gesetz vor der Sommerpause im Bundestag beschließen');
    expect(capitalisationLogOdds(german)).toBeGreaterThan(0);
  });

  it('points to English when inner words are lower case', () => {
    const english = tokenizeWords('The government wants the bill passed before the summer recess');
    expect(capitalisationLogOdds(english)).toBeLessThan(0);
  });

  it('says nothing about Headline Case or very short text', () => {
    expect(capitalisationLogOdds(tokenizeWords('Microsoft Teams Gets New AI Update Today'))).toBe(0);
    expect(capitalisationLogOdds(tokenizeWords('Neue Funktionen'))).toBe(0);
  });
});
