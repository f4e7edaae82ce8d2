/**
 * German capitalises every noun, so the weak context rules of match-person.ts ("Eurokurs gibt nach",
 * "wie die Behörden mitteilten", "Infektionskette prüfen") take nouns for surnames. Names take no article
 * in German news text; nouns do. When the article itself writes the word after an article or another
 * determiner ("der Eurokurs", "die örtlichen Behörden", "erste Konsequenzen"), it is a noun there, and a
 * lone mention found only by context is dropped. Listed names, full names and given names are kept.
 */
import type { FieldScan } from './recognize.ts';
import type { Token } from './tokens.ts';

/** Words that open a German noun phrase. A relative "die" after a comma ("…, die Merkel ablehnt") does not count. */
const DETERMINERS = new Set([
  'der', 'die', 'das', 'des', 'dem', 'den',
  'ein', 'eine', 'einer', 'einem', 'eines', 'einen',
  'kein', 'keine', 'keiner', 'keinem', 'keinen', 'keines',
  'im', 'am', 'vom', 'zum', 'zur', 'beim', 'ins', 'ans', 'aufs', 'fürs', 'ums',
  'dieser', 'diese', 'dieses', 'diesem', 'diesen',
  'jeder', 'jede', 'jedes', 'jedem', 'jeden',
  'alle', 'allen', 'aller', 'viele', 'vielen', 'mehrere', 'mehreren', 'einige', 'einigen', 'wenige', 'wenigen',
  // inflected forms only: "sein" and "ihr" are also a verb and a pronoun ("glücklich sein willst")
  'seine', 'seiner', 'seinem', 'seinen', 'seines',
  'ihre', 'ihrer', 'ihrem', 'ihren', 'ihres',
  'unsere', 'unserer', 'unserem', 'unseren', 'unseres',
]);

/** Lower-case attributes between the determiner and the noun: "die örtlichen Behörden", "die 13. Staffel". */
const MAX_ATTRIBUTES = 2;

/** Rules weak enough to yield to the article's own use of the word as a noun. */
const WEAK_RULES = new Set(['context:subject', 'context:speech', 'context:bracket', 'context:genitive', 'context:apposition', 'context:speaker']);

/** German only: drops lone context-found persons whose word the article uses as a noun. */
export function dropNounPersons(scans: FieldScan[]): void {
  if (scans[0]?.ctx.language !== 'de') return;
  const nouns = new Set<string>();
  for (const scan of scans) for (const word of wordsAfterDeterminers(scan.ctx.tokens)) nouns.add(word);
  if (nouns.size === 0) return;
  for (const scan of scans) {
    scan.spans = scan.spans.filter((span) => {
      if (span.type !== 'person' || span.first !== span.last || !WEAK_RULES.has(span.rule ?? '')) return true;
      const text = scan.ctx.tokens[span.first]?.text ?? '';
      return !nouns.has(text) && !(text.endsWith('s') && nouns.has(text.slice(0, -1)));
    });
  }
}

/** Capitalised words written after a determiner (and at most two lower-case attributes). */
function wordsAfterDeterminers(tokens: Token[]): string[] {
  const out: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || !DETERMINERS.has(token.text.toLowerCase())) return;
    if (tokens[index - 1]?.text === ',') return;
    for (let k = index + 1; k <= index + 1 + MAX_ATTRIBUTES; k++) {
      const next = tokens[k];
      if (next === undefined) return;
      if (next.kind === 'word' && next.cap) {
        out.push(next.text);
        return;
      }
      // an ordinal's dot ("die 13. Staffel"), not a sentence's end
      const attribute = (next.kind === 'word' && !next.upper) || next.kind === 'number' || (next.text === '.' && tokens[k - 1]?.kind === 'number');
      if (!attribute) return;
    }
  });
  return out;
}
