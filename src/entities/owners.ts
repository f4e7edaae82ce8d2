/**
 * Who owns an account, when the text says so: "Trumps Twitter-Account @realDonaldTrump",
 * "Trump's account, @realDonaldTrump", "Donald Trump (@realDonaldTrump)", "@realDonaldTrump
 * (Donald Trump)". Without such words nearby the owner stays unknown: a handle merely near a
 * name ("Trump retweeted @foxnews") is not theirs.
 */
import type { Gazetteer } from './gazetteer.ts';
import type { EntityMention } from '../domain/types.ts';
import type { FieldScan } from './recognize.ts';

const PLATFORMS = new Set(['twitter', 'x', 'mastodon', 'bluesky', 'threads', 'instagram', 'linkedin', 'youtube', 'tiktok', 'facebook']);
const FILLERS = new Set(["'s", '’s', "'", 'official', 'offizieller', 'offizielles', 'offiziellen', 'his', 'her', 'their', 'sein', 'seinen', 'seinem', 'ihr', 'ihren', 'ihrem', 'der', 'den', 'dem', 'the', ':', ',', 'unter', 'namens', 'called', 'named']);
const LOOK_BACK = 6;

export function accountOwner(scan: FieldScan, accountIndex: number, persons: EntityMention[], g: Gazetteer): string | undefined {
  const tokens = scan.ctx.tokens;
  const inField = persons.filter((p) => p.field === scan.field);
  const endingAt = (index: number) => inField.find((p) => tokens[index]?.end === p.end);
  const startingAt = (index: number) => inField.find((p) => tokens[index]?.start === p.start);
  // "Donald Trump (@realDonaldTrump)" and "@realDonaldTrump (Donald Trump)"
  if (tokens[accountIndex - 1]?.text === '(') {
    const owner = endingAt(accountIndex - 2);
    if (owner) return owner.name;
  }
  if (tokens[accountIndex + 1]?.text === '(') {
    const owner = startingAt(accountIndex + 2);
    if (owner && tokens[accountIndex + 2 + owner.text.split(' ').length]?.text === ')') return owner.name;
  }
  let sawAccountWord = false;
  for (let k = accountIndex - 1; k >= 0 && accountIndex - k <= LOOK_BACK; k -= 1) {
    const token = tokens[k];
    if (!token) break;
    const owner = endingAt(k);
    if (owner) return sawAccountWord ? owner.name : undefined;
    const lower = token.text.toLowerCase();
    if (isAccountWord(g, lower)) sawAccountWord = true;
    else if (!PLATFORMS.has(lower) && !FILLERS.has(lower)) return undefined;
  }
  return undefined;
}

/** "Account", "Twitter-Account", "Twitter-Konto", "account". */
function isAccountWord(g: Gazetteer, lower: string): boolean {
  const last = lower.includes('-') ? lower.slice(lower.lastIndexOf('-') + 1) : lower;
  return g.accountWords.has(last);
}
