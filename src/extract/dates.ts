/**
 * Lenient date parsing for page metadata: ISO 8601 (with or without zone), RFC 2822, and the
 * German `31.05.2012` / `31.05.2012, 14:05 Uhr` forms. Returns null on junk, never throws.
 * A time without a zone is read as UTC: the page gives us nothing better and the result stays stable.
 */
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[,\s-]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim();
  if (text === '') return null;
  const german = GERMAN.exec(text);
  if (german) {
    const [, d, m, y, hh, mm, ss] = german;
    return valid(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0))));
  }
  if (ISO_NO_ZONE.test(text)) return valid(new Date(`${text.replace(' ', 'T')}${text.length > 10 ? 'Z' : ''}`));
  // "+0200" zones without a colon are not ISO, but Date.parse copes with most other forms.
  return valid(new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
}

function valid(date: Date): Date | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2100 ? date : null;
}
