import { describe, expect, it } from 'vitest';
import { articleFeatures } from '../../src/cluster/features.ts';
import { wordLists } from '../../src/cluster/word-lists.ts';

describe('bilingual lexicon', () => {
  it('maps every German form onto a concept that English text can produce too', () => {
    const { concepts } = wordLists();
    const english = new Set(concepts.en.values());
    const orphans = [...new Set(concepts.de.values())].filter((c) => !english.has(c));
    expect(orphans).toEqual([]);
  });

  it('meets German compounds and their English phrases on one concept', () => {
    const de = articleFeatures({
      title: '',
      text: 'der Finanzminister und die Zentralbank',
      language: 'de',
      entities: [],
    });
    const en = articleFeatures({
      title: '',
      text: 'the finance minister and the central bank',
      language: 'en',
      entities: [],
    });
    for (const key of ['x:minister', 'x:bank']) {
      expect(de).toHaveProperty([key]);
      expect(en).toHaveProperty([key]);
    }
  });
});
