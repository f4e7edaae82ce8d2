/**
 * Weekdays and months: words of a time that the person rules would otherwise take for names ("said Tuesday",
 * "Jan. 5", where "Jan" is also a given name). See docs/decisions/0050 (update 2026-12-05, datelines).
 */
import type { ScanContext } from './span.ts';

const MONTH_ABBREVIATIONS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']);
/** Months and their abbreviations, some of them given names too ("Jan", "April", "August", "June"). */
const MONTHS = new Set([
  ...MONTH_ABBREVIATIONS,
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Januar', 'Februar', 'März', 'Juni', 'Juli', 'Oktober', 'Dezember',
]);

/** Weekdays: "said Tuesday", "am Freitag sagte" are times, not people (German ones are surnames too, in full names). */
const WEEKDAYS = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonnabend', 'Sonntag',
]);

/**
 * A weekday alone; a month before a day or a year ("Jan. 5-25", "Jan 1, 2020", "5. Jan. 2020", "April 2020"),
 * or an abbreviated one with its dot ("set for Jan."): a time, not a person.
 */
export function isDayOrDate(ctx: ScanContext, index: number): boolean {
  const text = ctx.tokens[index]?.text ?? '';
  if (WEEKDAYS.has(text)) return true;
  if (!MONTHS.has(text)) return false;
  const next = ctx.tokens[index + 1];
  if (next?.text === '.' && next.start === ctx.tokens[index]?.end && MONTH_ABBREVIATIONS.has(text)) return true;
  const after = next?.text === '.' ? ctx.tokens[index + 2] : next;
  return after?.kind === 'number';
}
