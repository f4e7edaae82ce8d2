/** Date and label formatting shared by the HTML and text renderers (English UI, configured time zone). */
import type { DigestPeriod } from './types.ts';

const LANGUAGE_NAMES: Record<string, string> = { de: 'German', en: 'English' };

export function languageLabel(code: string): string {
  return code.toUpperCase();
}

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

/** "23 Nov, 07:15" in the digest's time zone. */
export function shortTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** "Monday, 23 November 2026" for the digest date (a calendar date, so formatted in UTC). */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function periodLabel(period: DigestPeriod): string {
  return `${shortTime(period.since, period.timeZone)} to ${shortTime(period.until, period.timeZone)} (${period.timeZone})`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "heise online, Golem, The Verge and 2 more". */
export function outletList(outlets: string[], shown = 4): string {
  if (outlets.length <= shown) return outlets.join(', ');
  return `${outlets.slice(0, shown).join(', ')} and ${outlets.length - shown} more`;
}

/** "3 stories", or "Top 12 of 40 stories" when the digest shows only the best. */
export function storyCount(shown: number, total: number): string {
  return shown < total ? `Top ${shown} of ${total} stories` : plural(shown, 'story', 'stories');
}
