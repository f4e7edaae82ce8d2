import { describe, expect, it } from 'vitest';
import { articleFeatures, normaliseNumber } from '../../src/cluster/features.ts';

const features = (title: string, text: string, language: 'de' | 'en') =>
  articleFeatures({ title, text, language, entities: [] });

describe('article features', () => {
  it('keeps names, handles and numbers language-neutral so German and English reports meet', () => {
    const de = features(
      'Trumps Account elf Minuten offline',
      'Bahtiyar Duysak deaktivierte @realDonaldTrump. 1.300 Nutzer.',
      'de',
    );
    const en = features(
      "Trump's account offline",
      'Bahtiyar Duysak deactivated @realDonaldTrump. 1,300 users.',
      'en',
    );
    for (const key of ['n:duysak', 'n:bahtiyar', 'n:@realdonaldtrump', 'n:1300', 'x:account', 'x:users']) {
      expect(de).toHaveProperty([key]);
      expect(en).toHaveProperty([key]);
    }
    // "Trumps" is the German genitive of a name seen bare elsewhere only when the bare form occurs
    expect(en).toHaveProperty(['n:trump']);
  });

  it('meets German names however an English report spells their umlauts', () => {
    const de = features('Finanzminister Thomas Schäfer ist tot', 'Söder und Müller trauern.', 'de');
    const en = features('Thomas Schaefer dies', 'Soeder and Muller mourn the Hesse minister.', 'en');
    for (const key of ['n:schafer', 'n:soder', 'n:muller']) {
      expect(de).toHaveProperty([key]);
      expect(en).toHaveProperty([key]);
    }
  });

  it('stems content words per language and drops stopwords', () => {
    const de = features('', 'Die Sitzungen und die Sitzung', 'de');
    expect(Object.keys(de).filter((k) => k.startsWith('w:de:'))).toEqual(['w:de:sitzung']);
    expect(de).not.toHaveProperty(['w:de:die']);
  });

  it('counts a lexicon word once, as its concept in place of its stem', () => {
    const de = features('', 'Die Regierungen und die Regierung', 'de');
    const en = features('', 'The government and the governments', 'en');
    expect(Object.keys(de).filter((k) => !k.startsWith('g:'))).toEqual(['x:government']);
    expect(Object.keys(en)).toEqual(['x:government']);
  });

  it('does not take a sentence-initial common word for a name when it also occurs in lower case', () => {
    const en = features('', 'Police said the police car was found. Duysak left.', 'en');
    expect(en).not.toHaveProperty(['n:police']);
    expect(en).toHaveProperty(['n:duysak']);
  });

  it('keeps a name that noisy text writes in lower case once among many capitalised uses', () => {
    const de = features(
      'Kalbitz wehrt sich',
      'Kalbitz klagt. Kalbitz sagt: kalbitz bleibt. Kalbitz geht.',
      'de',
    );
    expect(de).toHaveProperty(['n:kalbitz']);
    const en = features('', 'Police said the police car was found. Police left.', 'en');
    expect(en).not.toHaveProperty(['n:police']);
  });

  it("takes a person's age as an age, alike in German and English", () => {
    const de = features('', 'Eine 22-Jährige wurde verletzt.', 'de');
    const en = features('', 'A 22-year-old woman was injured.', 'en');
    expect(de['a:22']).toBe(1);
    expect(en['a:22']).toBe(1);
    expect(de).not.toHaveProperty(['n:22']);
  });

  it('weights title words above body words', () => {
    const en = features('Tariffs', 'tariffs', 'en');
    expect(en['x:trade']).toBe(4);
  });

  it('normalises German and English number formats', () => {
    expect(normaliseNumber('1.300')).toBe('1300');
    expect(normaliseNumber('1,300')).toBe('1300');
    expect(normaliseNumber('3,4')).toBe('3.4');
    expect(normaliseNumber('2017.')).toBe('2017');
  });
});
