/**
 * German clauses around a lone capitalised word, for the context rules of match-person.ts. German capitalises every
 * noun, so only the sentence tells a surname from a noun: a bare word next to a finite verb is its subject ("Zöllner
 * will", "stieg Spies mit"), unless the verb is plural or the subject came before it; a genitive "s" before a noun
 * without an article marks a name ("Roddicks Aufschlag").
 */
import type { ScanContext } from './span.ts';
import { isCommonNoun, isFirstName, isRoleWord, isStopword } from './word-class.ts';

/** "Doch Bermúdez wurde erwürgt": a sentence may open with one of these before its subject. */
const SENTENCE_ADVERBS = new Set(['Doch', 'Aber', 'Auch', 'Dann', 'Nun', 'Jetzt', 'Und', 'Zuvor', 'Schon', 'Nur', 'Inzwischen', 'Danach', 'Später', 'Sogar', 'Selbst', 'Erst']);
const CLAUSE_OPENERS = new Set(['dass', 'daß', 'weil', 'ob', 'obwohl', 'nachdem', 'bevor', 'wenn']);
/** Adverbs, adjectives and participles open sentences too: "Ursprünglich war", "Gegründet wurde". */
const NOT_SUBJECT = /(?:lich|ig|isch|bar|sam|haft|los|mal|weise|end|iert|zu|weil|lang|ell|klar)$|^(?:Ver|Be|Ent|Zer|Ge|Auf|Aus|Ab|Ein|Vor|Über|Unter)\p{Ll}+(?:t|en)$/u;
const VERB_FILLERS = new Set(['sich', 'aber', 'auch', 'jedoch', 'dann', 'nun', 'doch', 'zudem', 'außerdem', 'später', 'erst']);

/**
 * German puts no article before a name: a bare capitalised word that is the subject next to a
 * finite verb ("Zöllner will", "dass Walzer auch", "stieg Spies mit") is likely a name. Plural
 * nouns look the same ("Kunden sollten"), so words with plural endings are left out.
 */
export function isBareSubject(ctx: ScanContext, index: number): boolean {
  if (ctx.language === 'en') return false;
  const token = ctx.tokens[index];
  if (!token || token.text.includes('-') || NOT_SUBJECT.test(token.text) || ctx.g.commonNouns.has(token.text)) return false;
  // "Fiedler will", "Merton wurde": plural-looking words count only with a singular verb next to them.
  const pluralShape = /(?:en|er|e|n|s|innen|ungen)$/u.test(token.text);
  const next = ctx.tokens[index + 1];
  const before = ctx.tokens[index - 1];
  const afterOpeningAdverb = before !== undefined && ctx.starts.has(index - 1) && SENTENCE_ADVERBS.has(before.text);
  const opensClause = ctx.starts.has(index) || afterOpeningAdverb || (before !== undefined && CLAUSE_OPENERS.has(before.text));
  if (opensClause && next && isFiniteVerb(ctx, next.text)) return !pluralVerbOfOne(ctx, index, next.text);
  if (opensClause && !pluralShape && !ctx.starts.has(index) && next && !next.cap && next.kind === 'word') return true;
  let k = index - 1;
  while (k > 0 && VERB_FILLERS.has(ctx.tokens[k]?.text ?? '')) k -= 1;
  const verb = ctx.tokens[k];
  if (k >= index || verb === undefined || ctx.starts.has(k) || next?.cap || !isFiniteVerb(ctx, verb.text)) return false;
  if (pluralVerbOfOne(ctx, index, verb.text) || subjectBefore(ctx, k)) return false;
  // "die berühmte Rede", "die größte Chance": a "-te" word after an article is an adjective.
  const beforeVerb = ctx.tokens[k - 1]?.text.toLowerCase() ?? '';
  if (!ctx.g.verbs.has(verb.text) && (DETERMINERS.has(beforeVerb) || isStopword(ctx.g, beforeVerb) || /ste$/u.test(verb.text))) return false;
  // "errichtete Windpumpen", "verhängte Erziehungsmaßnahmen": an unlisted -te word before a plural-looking noun is an adjective.
  return !pluralShape || ctx.g.verbs.has(verb.text) || !/(?:en|e)$/u.test(token.text);
}

/**
 * "Die Aufnahme hat Konsequenzen", "Die Corona-Krise bietet Extremisten …": a noun with its article right before
 * the verb is the subject, so the bare word after the verb is its object, not an inverted subject ("stieg Spies mit").
 */
function subjectBefore(ctx: ScanContext, verbIndex: number): boolean {
  const noun = ctx.tokens[verbIndex - 1];
  if (noun === undefined || noun.kind !== 'word' || !noun.cap) return false;
  const article = ctx.tokens[verbIndex - 2];
  return article !== undefined && DETERMINERS.has(article.text.toLowerCase());
}

function isFiniteVerb(ctx: ScanContext, text: string): boolean {
  if (ctx.g.verbs.has(text)) return true;
  // "geeignete", "gewidmete": participles in -te are adjectives, not past tenses.
  return /^\p{Ll}{3,}(?:ierte|te)$/u.test(text) && !text.startsWith('ge') && !isStopword(ctx.g, text);
}

export const DETERMINERS = new Set(['der', 'die', 'das', 'des', 'dem', 'den', 'ein', 'eine', 'eines', 'einem', 'einer', 'seines', 'ihres', 'dieses', 'jedes', 'unseres', 'the', 'a', 'an']);

/**
 * "Roddicks Aufschlag", "Nerudas Gedichte": a German genitive "s" on a word followed by a noun
 * without an article is used almost only with names.
 */
export function isSaxonGenitive(ctx: ScanContext, index: number): boolean {
  if (ctx.language === 'en') return false;
  const token = ctx.tokens[index];
  const next = ctx.tokens[index + 1];
  const before = ctx.tokens[index - 1];
  if (!token || !next || !/^\p{Lu}\p{Ll}{2,}[^s]s$/u.test(token.text) || !next.cap || next.allCaps) return false;
  if (isStopword(ctx.g, next.text) || ctx.starts.has(index + 1)) return false;
  if (before && DETERMINERS.has(before.text.toLowerCase())) return false;
  const stem = token.text.slice(0, -1);
  if (isCommonNoun(ctx.g, stem) || isStopword(ctx.g, stem) || isRoleWord(ctx.g, stem)) return false;
  if (ctx.starts.has(index) && !ctx.g.firstNames.has(stem) && !ctx.g.surnames.has(stem)) return false;
  return !isFirstName(ctx.g, next) && !ctx.g.surnames.has(next.text);
}

/** German verbs in the plural: "sagten", "mitteilten", "sind" (singular forms end in -t, -te or a strong stem). */
const PLURAL_VERB = /^(?:sind|\p{Ll}+en)$/u;
const COORDINATION = new Set(['und', 'sowie', 'oder', '&']);

/**
 * "Straftaten werden", "wie die Behörden mitteilten": a German verb in the plural beside one capitalised word
 * has a plural noun for its subject, not a person. Two names joined ("Joko und Klaas zeigen") keep it.
 */
export function pluralVerbOfOne(ctx: ScanContext, index: number, verb: string): boolean {
  if (ctx.language !== 'de' || !PLURAL_VERB.test(verb)) return false;
  return !COORDINATION.has(ctx.tokens[index - 1]?.text ?? '') && !COORDINATION.has(ctx.tokens[index + 1]?.text ?? '');
}
