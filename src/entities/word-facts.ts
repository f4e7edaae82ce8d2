/**
 * What the rules know about a word from its text alone (a stopword? a role word? an organisation
 * head?), each answer worked out on first use and kept. The rules ask several of these about the
 * same word in a row; one record per word holds them together, where a table per question cost a
 * look-up in a different, rarely cached table each time. Unset until asked: undefined.
 */
export class WordFacts {
  stopword: boolean | undefined = undefined;
  commonNoun: boolean | undefined = undefined;
  roleWord: boolean | undefined = undefined;
  nameWord: boolean | undefined = undefined;
  englishCommon: boolean | undefined = undefined;
  orgHead: boolean | undefined = undefined;
  orgHeadTail: boolean | undefined = undefined;
  orgIntro: boolean | undefined = undefined;
  authority: boolean | undefined = undefined;
}

const facts = new Map<string, WordFacts>();
/** News vocabulary keeps growing: start afresh beyond this many words. */
const LIMIT = 50_000;

export function wordFacts(text: string): WordFacts {
  let known = facts.get(text);
  if (known === undefined) {
    if (facts.size >= LIMIT) facts.clear();
    known = new WordFacts();
    facts.set(text, known);
  }
  return known;
}
