import { describe, expect, it } from 'vitest';
import { scoreText } from '../../src/language/text-model.ts';
import { adjectiveForms, asciiSpelling, nounForms, weakVerbForms } from '../../scripts/build-language-model.inflect.ts';

describe('scoreText (shipped model)', () => {
  it.each([
    ['nicht', 'de'], ['und', 'de'], ['Sicherheitslücke', 'de'], ['Rechnungen', 'de'],
    ['wärmebelastet', 'de'], ['tatsaechlich', 'de'], ['Zuverlässigkeit', 'de'], ['Mitarbeiterinnen', 'de'],
    ['the', 'en'], ['which', 'en'], ['establishment', 'en'], ['throughout', 'en'],
    ['neighbourhood', 'en'], ["doesn't", 'en'], ['skateboarding', 'en'], ['highway', 'en'],
  ])('%s looks %s', (word, expected) => {
    const { logOdds } = scoreText(word);
    expect(logOdds > 0 ? 'de' : 'en').toBe(expected);
  });

  it('counts words known to neither word table', () => {
    expect(scoreText('der Qzxwv').unknownWords).toBe(1);
    expect(scoreText('der die das').unknownWords).toBe(0);
  });

  it('scores nothing for text without words', () => {
    expect(scoreText('123 — 456 …')).toEqual({ logOdds: 0, words: 0, unknownWords: 0 });
  });
});

describe('regular German inflection used to build the model', () => {
  it('inflects adjectives', () => {
    expect(adjectiveForms('kostenlos')).toEqual(expect.arrayContaining(['kostenlose', 'kostenlosen', 'kostenloseren']));
    expect(adjectiveForms('leise')).toEqual(expect.arrayContaining(['leise', 'leisen', 'leiser']));
  });

  it('conjugates weak verbs, with ge- only where German puts it', () => {
    expect(weakVerbForms('rechnen')).toEqual(expect.arrayContaining(['rechnet', 'rechnete', 'gerechnet']));
    expect(weakVerbForms('studieren')).toContain('studiert');
    expect(weakVerbForms('studieren')).not.toContain('gestudiert');
    expect(weakVerbForms('bezahlen')).not.toContain('gebezahlt');
  });

  it('forms plurals with umlaut for -er nouns', () => {
    expect(nounForms('haus', 'er')).toEqual(expect.arrayContaining(['häuser', 'häusern', 'hauses']));
    expect(nounForms('lehrerin', 'en')).toEqual(['lehrerin', 'lehrerinnen']);
  });

  it('writes umlauts and ß in ASCII', () => {
    expect(asciiSpelling('größte übermäßig')).toBe('groesste uebermaessig');
  });
});
