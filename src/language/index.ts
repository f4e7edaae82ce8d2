/**
 * Language of an article: German, English or undetermined, combined the way a reader would from
 * the words of title and text, franc's view of longer text, and what the page, the feed and the
 * caller declare. Declarations decide short or ambiguous text; clear text overrules them, since
 * feeds and templates often declare a site-wide language. See docs/decisions/0040-language-detection.md.
 */
import type { DetectedLanguage, LanguageEvidence, LanguageResult } from '../domain/types.ts';
import { normaliseDeclared, type DeclaredLanguage } from './declared.ts';
import { FRANC_MIN_LENGTH, francLogOdds, looksLikeOtherLanguage } from './franc-evidence.ts';
import { capitalisationLogOdds } from './orthography.ts';
import { scoreTokens } from './text-model.ts';
import { tokenizeWords } from './tokens.ts';

export interface LanguageInput {
  title?: string;
  text?: string;
  /** Languages declared elsewhere: the page (`<html lang>`, og:locale, JSON-LD), the feed, a caller's hint. */
  declared?: { page?: string | null; feed?: string | null; hint?: string | null };
}

/** Characters of body text scored: the first thousand say all there is to say, fast. */
const MAX_TEXT_CHARS = 1000;
const MAX_TITLE_CHARS = 300;
/**
 * Summed word log-odds overstate certainty (words of one text are not independent, and the
 * model is sure of itself on brand names): text evidence is damped by this factor before it
 * meets the declarations. "Apple Watch" alone says English; the same title in a page and feed
 * declared German is German.
 */
const TEXT_CALIBRATION = 0.3;
/** Weight (calibrated nats) of each declaration: a caller's hint knows most, a feed's channel tag least. */
const DECLARED_WEIGHT = { hint: 3, page: 2.5, feed: 2 } as const;
/**
 * Prior log-odds for German once there is text: German writing borrows English words far more
 * than English borrows German ones, so an English-looking word is weaker evidence for English
 * than the word model's likelihoods (learnt from little German text) suggest.
 */
const GERMAN_PRIOR = 0.5 * TEXT_CALIBRATION;
/** Word-model log-odds (raw nats) beyond which franc's second opinion is not asked for. */
const FRANC_ONLY_BELOW = 30;
/** More unknown words than this share sends longer text to franc's "neither" check. */
const UNKNOWN_SHARE_FOR_OTHER_CHECK = 0.4;

export function detectLanguage(input: LanguageInput): LanguageResult {
  const evidence: LanguageEvidence[] = [];
  let logOdds = 0;
  const title = clip(input.title ?? '', MAX_TITLE_CHARS);
  const text = clip(input.text ?? '', MAX_TEXT_CHARS);
  const declared = declaredEvidence(input.declared ?? {});
  // the caller's own word on this article, not a site's or feed's default
  const hintedOurs = declared.some((entry) => entry.source === 'hint' && entry.language !== 'und');
  let foreign = false;
  for (const [source, value] of [['title', title], ['text', text]] as const) {
    const field = fieldEvidence(value);
    if (!field) continue;
    // franc's "neither" on a short field (a headline full of names) is a guess: the caller's hint decides
    const fieldForeign = field.foreign && !(field.short && hintedOurs);
    foreign ||= fieldForeign;
    logOdds += field.logOdds;
    evidence.push(toEvidence(source, fieldForeign ? 'und' : field.logOdds));
  }
  if (evidence.length > 0) logOdds += GERMAN_PRIOR;
  for (const entry of declared) {
    if (entry.language === 'de') logOdds += entry.weight;
    if (entry.language === 'en') logOdds -= entry.weight;
    evidence.push(entry);
  }
  return { language: decide(logOdds, evidence, foreign), confidence: confidence(logOdds, evidence, foreign), evidence };
}

interface FieldEvidence {
  logOdds: number;
  /** Over 40 % of its words are unknown to the word model and franc ranks a third language first. */
  foreign: boolean;
  /** Shorter than franc's reliable minimum (`FRANC_MIN_LENGTH`): its "foreign" yields to a caller's hint. */
  short: boolean;
}

function fieldEvidence(value: string): FieldEvidence | undefined {
  const tokens = tokenizeWords(value);
  const score = scoreTokens(tokens);
  if (score.words === 0) return undefined;
  const foreign =
    score.unknownWords / score.words > UNKNOWN_SHARE_FOR_OTHER_CHECK && looksLikeOtherLanguage(value);
  // franc is the costly part and adds nothing once the words are clear.
  const franc = Math.abs(score.logOdds) < FRANC_ONLY_BELOW ? francLogOdds(value) : 0;
  const logOdds = score.logOdds + franc + capitalisationLogOdds(tokens);
  return { logOdds: logOdds * TEXT_CALIBRATION, foreign, short: value.length < FRANC_MIN_LENGTH };
}

function declaredEvidence(declared: NonNullable<LanguageInput['declared']>): LanguageEvidence[] {
  const out: LanguageEvidence[] = [];
  for (const source of ['hint', 'page', 'feed'] as const) {
    const language = normaliseDeclared(declared[source]);
    if (language) out.push({ source, language: fromDeclared(language), weight: DECLARED_WEIGHT[source] });
  }
  return out;
}

function fromDeclared(language: DeclaredLanguage): DetectedLanguage {
  return language === 'other' ? 'und' : language;
}

function toEvidence(source: 'title' | 'text', logOdds: number | 'und'): LanguageEvidence {
  if (logOdds === 'und') return { source, language: 'und', weight: 1 };
  return { source, language: logOdds >= 0 ? 'de' : 'en', weight: round(Math.abs(logOdds)) };
}

/**
 * 'und' when nothing points anywhere, or when the text reads as a third language (or is declared
 * one) and nothing clearly says German or English; otherwise the sign of the summed log-odds.
 */
function decide(logOdds: number, evidence: readonly LanguageEvidence[], foreign: boolean): DetectedLanguage {
  if (evidence.length === 0) return 'und';
  const declaredOther = evidence.some((e) => e.language === 'und' && e.source !== 'title' && e.source !== 'text');
  const hasText = evidence.some((e) => e.source === 'title' || e.source === 'text');
  if (foreign) return 'und';
  if (declaredOther && !hasText) return 'und';
  if (logOdds === 0) return 'und';
  return logOdds > 0 ? 'de' : 'en';
}

/** Probability of the answer under the summed log-odds; for 'und', how sure we are it is neither. */
function confidence(logOdds: number, evidence: readonly LanguageEvidence[], foreign: boolean): number {
  if (evidence.length === 0) return 0;
  if (foreign) return 0.8;
  const p = 1 / (1 + Math.exp(-Math.abs(logOdds)));
  return Math.min(0.999, round(p));
}

function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.lastIndexOf(' ', max);
  return value.slice(0, cut > max / 2 ? cut : max);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
