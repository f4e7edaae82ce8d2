/**
 * Writes data/gazetteer/english-common-words.txt, the English common words of `isEnglishCommonWord`
 * (src/entities/word-class.ts), from natural's Brill lexicon. Run after upgrading natural:
 * `node --import tsx scripts/build-english-words.ts`. Deterministic: same lexicon, same file.
 */
import { writeFileSync } from 'node:fs';
import { ENGLISH_COMMON_WORDS, englishCommonWords, readBrillLexicon } from '../src/entities/word-class.ts';

const words = englishCommonWords(readBrillLexicon());
writeFileSync(ENGLISH_COMMON_WORDS, words.join('\n'));
process.stderr.write(`${words.length} words → ${ENGLISH_COMMON_WORDS.pathname}\n`);
