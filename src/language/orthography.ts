/**
 * German capitalises every noun, English only names: in running text (not Headline Case) a high
 * share of capitalised words after the first is German evidence. Small on purpose: English text
 * full of names looks the same.
 */
import type { WordToken } from './tokens.ts';

const MIN_INNER_WORDS = 4;
/** Above this share of capitalised inner words the text is Headline Case and says nothing. */
const HEADLINE_CASE_SHARE = 0.75;
const ENGLISH_TYPICAL_SHARE = 0.15;
const NATS_PER_SHARE = 8;
const MAX_NATS = 2;

export function capitalisationLogOdds(tokens: readonly WordToken[]): number {
  let inner = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (token.sentenceStart) continue;
    inner += 1;
    if (token.capitalised) capitalised += 1;
  }
  if (inner < MIN_INNER_WORDS) return 0;
  const share = capitalised / inner;
  if (share > HEADLINE_CASE_SHARE) return 0;
  return Math.max(-MAX_NATS, Math.min(MAX_NATS, (share - ENGLISH_TYPICAL_SHARE) * NATS_PER_SHARE));
}
