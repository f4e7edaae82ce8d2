/**
 * franc's view of longer text. Restricted to German and English it adds a second opinion to the
 * word model; asked about a few more languages it tells "neither" (a French page in a German feed).
 */
import { francAll } from 'franc';

/** Below this many characters franc's trigram profile is mostly noise. */
export const FRANC_MIN_LENGTH = 120;
/** franc's cost grows with length; its trigram profile is settled well before this. */
const FRANC_MAX_LENGTH = 500;
/** franc's 0–1 score gap between deu and eng, in nats of evidence. */
const GAP_TO_NATS = 12;
/** Languages that German/English news sites also publish in; franc compares trigram profiles. */
const NEIGHBOURS = ['deu', 'eng', 'fra', 'spa', 'ita', 'nld', 'por', 'pol', 'swe', 'dan', 'tur', 'rus'];

/** Positive = German. Zero when the text is too short for franc. */
export function francLogOdds(text: string): number {
  if (text.length < FRANC_MIN_LENGTH) return 0;
  const sample = text.slice(0, FRANC_MAX_LENGTH);
  const scores = new Map(francAll(sample, { only: ['deu', 'eng'], minLength: FRANC_MIN_LENGTH }));
  const deu = scores.get('deu') ?? 0;
  const eng = scores.get('eng') ?? 0;
  return (deu - eng) * GAP_TO_NATS;
}

/** True when franc is sure the text is in some third language rather than German or English. */
export function looksLikeOtherLanguage(text: string): boolean {
  if (text.length < FRANC_MIN_LENGTH / 2) return false;
  const ranked = francAll(text.slice(0, FRANC_MAX_LENGTH), { only: NEIGHBOURS, minLength: FRANC_MIN_LENGTH / 2 });
  const [top] = ranked;
  if (!top || top[0] === 'deu' || top[0] === 'eng') return false;
  const best = Math.max(...ranked.filter(([code]) => code === 'deu' || code === 'eng').map(([, score]) => score));
  return best < 0.9;
}
