/** The shipped English common words (data/gazetteer/english-common-words.txt) and natural's lexicon they come from. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGLISH_COMMON_WORDS, englishCommonWords, isEnglishCommonWord, readBrillLexicon } from '../../src/entities/word-class.ts';

describe('English common words', () => {
  it('are still what natural\'s Brill lexicon gives (else run scripts/build-english-words.ts)', () => {
    const shipped = readFileSync(ENGLISH_COMMON_WORDS, 'utf8');
    expect(shipped).toBe(englishCommonWords(readBrillLexicon()).join('\n'));
  });

  it('keep words starting in lower case that are not only proper nouns', () => {
    expect(englishCommonWords({ the: ['DT'], will: ['MD', 'NN'], trump: ['NNP'], Apple: ['NNP'], über: ['FW'], '1st': ['JJ'] }))
      .toEqual(['the', 'will', 'über']);
  });

  it('tell a sentence-initial common word from a name', () => {
    expect(isEnglishCommonWord('The')).toBe(true);
    expect(isEnglishCommonWord('Will')).toBe(true);
    expect(isEnglishCommonWord('Duysak')).toBe(false);
  });
});
