import { describe, expect, it } from 'vitest';
import { pairSimilarity } from '../../src/cluster/similarity.ts';

const options = { threshold: 0.25, crossThreshold: 0.1 };
const german = (language: string) => language === 'de';

describe('cross-language similarity', () => {
  it('needs two shared names of the text, not only shared country entities and concepts', () => {
    const de = { 'w:de:grenz': 0.6, 'e:turkei': 0.3, 'e:athen': 0.3, 'x:refugee': 0.5, 'n:lesbos': 0.4 };
    const en = { 'w:en:border': 0.6, 'e:turkei': 0.3, 'e:athen': 0.3, 'x:refugee': 0.5, 'n:lesbos': 0.4 };
    expect(pairSimilarity(de, german, en, 'en', options).relative).toBe(0);
    const named = { ...en, 'n:mitsotakis': 0.4 };
    const withName = pairSimilarity({ ...de, 'n:mitsotakis': 0.4 }, german, named, 'en', options);
    expect(withName.relative).toBeGreaterThan(1);
  });
});

describe('ages', () => {
  it('keeps apart reports whose people have different ages, not those that share an age', () => {
    const report = { 'w:de:ostalbkreis': 0.6, 'w:de:unfall': 0.5, 'w:de:kreuzung': 0.4 };
    const one = { ...report, 'a:22': 0.3, 'a:63': 0.3 };
    const other = { ...report, 'a:18': 0.3 };
    expect(pairSimilarity(one, german, other, 'de', options).relative).toBe(0);
    expect(pairSimilarity(one, german, { ...other, 'a:63': 0.3 }, 'de', options).relative).toBeGreaterThan(1);
    expect(pairSimilarity(one, german, report, 'de', options).relative).toBeGreaterThan(1);
  });

  it('counts a shared age as evidence across languages, as it counted the number', () => {
    const de = { 'x:accident': 0.6, 'n:aalen': 0.4, 'a:22': 0.4 };
    const en = { 'x:accident': 0.6, 'n:aalen': 0.4, 'a:22': 0.4 };
    expect(pairSimilarity(de, german, en, 'en', options).relative).toBeGreaterThan(1);
    const { 'a:22': _age, ...withoutAge } = en;
    expect(pairSimilarity(withoutAge, german, withoutAge, 'en', options).relative).toBe(0);
  });
});
