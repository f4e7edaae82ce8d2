/**
 * Person names by rule: a given name (from the shipped list) or an initial, then optional
 * particles ("von der", "de"), then a surname that is a name word ("Bahtiyar Duysak",
 * "Ana de Sousa", "H. Dietz"). A lone surname counts only with context: a role word before it
 * ("US-Präsident Trump", "Trainer Klopp") or a speech verb next to it ("sagte Müller").
 */
import type { ScanContext, Span } from './span.ts';
import {
  isEnglishCommonWord, isFirstName, isInitial, isNameWord, isParticle, isRoleWord, isStopword,
} from './word-class.ts';

export function matchFullName(ctx: ScanContext, index: number): Span | undefined {
  const { tokens, g } = ctx;
  let j = index;
  let givenNames = 0;
  while (j < tokens.length) {
    if (isInitial(tokens, j)) j += 2;
    else if (isFirstName(g, tokens[j]) && (j === index || isAdjacent(ctx, j))) j += 1;
    else break;
    givenNames += 1;
  }
  if (givenNames === 0 || !isFirstName(g, tokens[index]) && !isInitial(tokens, index)) return undefined;
  let k = j;
  while (isParticle(tokens[k]) && k - j < 3) k += 1;
  if (isSurname(ctx, k) && isAdjacent(ctx, k)) return { first: index, last: k, type: 'person' };
  // The last "given name" may be the surname itself: "Thomas Frank", "Peter Ernst".
  if (givenNames >= 2 && isFirstName(g, tokens[j - 1])) return { first: index, last: j - 1, type: 'person' };
  return loneGivenName(ctx, index, givenNames);
}

/** "Robbie" or "Johannes" alone: a person, unless it opens a sentence or is also a common word. */
function loneGivenName(ctx: ScanContext, index: number, givenNames: number): Span | undefined {
  const token = ctx.tokens[index];
  if (token === undefined || givenNames !== 1 || isInitial(ctx.tokens, index)) return undefined;
  if (!isNameWord(ctx.g, token)) return undefined;
  if (ctx.starts.has(index) && !hasSpeechAfter(ctx, index)) return undefined;
  if (ctx.language !== 'de' && isEnglishCommonWord(token.text)) return undefined;
  return { first: index, last: index, type: 'person' };
}

/** A lone capitalised word that context marks as a person. */
export function matchContextName(ctx: ScanContext, index: number): Span | undefined {
  const { tokens } = ctx;
  if (!isSurname(ctx, index, true)) return undefined;
  const before = tokens[index - 1];
  const roleBefore = before !== undefined && before.kind === 'word' && isRoleWord(ctx.g, before.text);
  const speechBefore = before !== undefined && ctx.g.speechBefore.has(before.text.toLowerCase()) && !ctx.starts.has(index);
  if (!roleBefore && !speechBefore && !hasSpeechAfter(ctx, index)) return undefined;
  if (ctx.starts.has(index) && isStopword(ctx.g, tokens[index]?.text ?? '')) return undefined;
  // "Präsident Barack Obama" is a full name; "Trainer Jupp Heynckes" too: take a second surname word.
  const last = isSurname(ctx, index + 1) && isAdjacent(ctx, index + 1) && roleBefore ? index + 1 : index;
  return { first: index, last, type: 'person' };
}

function hasSpeechAfter(ctx: ScanContext, index: number): boolean {
  const after = ctx.tokens[index + 1];
  return after !== undefined && after.kind === 'word' && ctx.g.speechAfter.has(after.text.toLowerCase());
}

/** A capitalised word that can be a surname: "Duysak", "Müller-Sönksen", not "Mitarbeiter". */
export function isSurname(ctx: ScanContext, index: number, lone = false): boolean {
  const token = ctx.tokens[index];
  if (token === undefined || !isNameWord(ctx.g, token) || token.allCaps) return false;
  if (token.text.length < 2) return false;
  // After a given name "Cook" and "Gates" are surnames; alone they are English words.
  return !(lone && ctx.language !== 'de' && isEnglishCommonWord(token.text));
}

/** Name parts are separated by one space, not by a line break or a comma. */
function isAdjacent(ctx: ScanContext, index: number): boolean {
  const token = ctx.tokens[index];
  const before = ctx.tokens[index - 1];
  return token !== undefined && before !== undefined && token.start - before.end <= 1 && before.text !== ',';
}
