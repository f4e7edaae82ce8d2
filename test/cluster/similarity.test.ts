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
