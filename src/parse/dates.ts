/**
 * Lenient feed date parsing to UTC. Handles W3C/ISO 8601 and RFC 822/1123 dates, including what
 * German feeds write ("Mi, 29 Nov 2017 18:05:00 MESZ", "29. November 2017") and odd zones such as
 * "GMT+1" or "+01:00". Junk gives null, never an exception, and never a local-time guess: a date
 * without a zone is read as UTC so the result does not depend on the machine's time zone.
 */

/** Years outside this range are placeholders (0000, 9999) or typos, not publication dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const MONTHS: Record<string, number> = {
  jan: 1, januar: 1, january: 1, jän: 1, jaen: 1, janv: 1,
  feb: 2, februar: 2, february: 2, febr: 2,
  mar: 3, mär: 3, mrz: 3, maerz: 3, märz: 3, march: 3,
  apr: 4, april: 4,
  may: 5, mai: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, okt: 10, october: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, dez: 12, december: 12, dezember: 12,
  // Portuguese, Spanish and French abbreviations that do not clash with the ones above (UOL: "Seg, 24 Set 2018").
  fev: 2, abr: 4, ago: 8, set: 9, out: 10, ene: 1, dic: 12, avr: 4, juil: 7, août: 8, déc: 12, févr: 2,
};

/** Zone abbreviations in minutes east of UTC; MEZ/MESZ are the German names of CET/CEST. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, ist: 60, west: 60,
  cet: 60, mez: 60, cest: 120, mesz: 120, met: 60, mest: 120, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nzst: 720, nzdt: 780, jst: 540, aest: 600, aedt: 660,
};

export function parseFeedDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  return parseIso(text) ?? parseRfc822(text) ?? parseAsctime(text);
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ](\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$/i;

function parseIso(text: string): Date | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = m;
  const offset = zone ? zoneOffset(zone) : 0;
  if (offset === null) return null;
  const millis = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  return build(Number(year), Number(month ?? 1), Number(day ?? 1), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), millis, offset);
}

const RFC822 =
  /^(?:[A-Za-zäÄéû]{2,10}\.?,?\s*)?(\d{1,2})\.?\s*([A-Za-zäÄéû]{3,10})\.?\s*,?\s*(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(.*)$/;

function parseRfc822(text: string): Date | null {
  const m = RFC822.exec(text);
  if (!m) return null;
  const [, day, monthName, yearText, hour, minute, second, zone] = m;
  const month = MONTHS[monthName!.toLowerCase()];
  if (!month) return null;
  const offset = zone!.trim() === '' ? 0 : zoneOffset(zone!.trim());
  if (offset === null) return null;
  return build(fullYear(yearText!), month, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), 0, offset);
}

/** C asctime and JavaScript's Date#toString: "Sun Nov  6 08:49:37 1994", "Thu Nov 02 2017 10:00:00 GMT+0100". */
const ASCTIME = /^[A-Za-z]{3},? ([A-Za-z]{3}) (\d{1,2}) (?:(\d{4}) (\d{1,2}):(\d{2}):(\d{2})|(\d{1,2}):(\d{2}):(\d{2}) (\d{4}))\s*([^(]*)/;

function parseAsctime(text: string): Date | null {
  const m = ASCTIME.exec(text);
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()];
  if (!month) return null;
  const year = Number(m[3] ?? m[10]);
  const [hour, minute, second] = m[3] ? [m[4], m[5], m[6]] : [m[7], m[8], m[9]];
  const zone = m[11]!.trim();
  const offset = zone === '' ? 0 : zoneOffset(zone);
  if (offset === null) return null;
  return build(year, month, Number(m[2]), Number(hour), Number(minute), Number(second), 0, offset);
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Minutes east of UTC for "+0100", "-05:00", "+1", "GMT+1", "UTC-03:30", "MESZ"; null if unknown. */
export function zoneOffset(zone: string): number | null {
  const text = zone.trim().replace(/^\((.*)\)$/, '$1');
  const named = ZONES[text.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?:\s*\(.*\))?$/i.exec(text);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return m[1] === '-' ? -minutes : minutes;
  }
  // A zone name followed by a comment ("GMT (Greenwich)") or a single military letter: read as UTC.
  const word = /^([a-z]{1,5})\b/i.exec(text)?.[1]?.toLowerCase();
  if (word !== undefined && ZONES[word] !== undefined) return ZONES[word];
  if (/^[a-z]$/i.test(text)) return 0;
  return null;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number, offsetMinutes: number): Date | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null; // 30 February and the like
  return new Date(utc - offsetMinutes * 60_000);
}
