/**
 * Bytes → string for fetched HTML pages. Order of evidence (after the WHATWG "encoding sniffing"
 * algorithm, simplified): byte-order mark, the HTTP header charset, a `<meta charset>` or
 * `http-equiv` declaration in the first bytes, an XML declaration; else UTF-8, falling back to
 * windows-1252 when the bytes are not valid UTF-8.
 *
 * One deliberate deviation: when a page declares a single-byte Latin charset but its bytes are valid
 * UTF-8 with multi-byte sequences, we read UTF-8. Stale `iso-8859-1` declarations on UTF-8 pages are
 * common on the German web; the reverse (Latin-1 text that happens to be valid UTF-8) is rare.
 */
import iconv from 'iconv-lite';

const PRESCAN_BYTES = 4096;
const LATIN_SINGLE_BYTE = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15', 'us-ascii', 'latin1']);

export function decodeHtml(bytes: Uint8Array, contentTypeCharset?: string | null): string {
  const bom = sniffBom(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
  const declared = normaliseCharset(contentTypeCharset) ?? normaliseCharset(prescanCharset(bytes));
  const utf8 = tryUtf8(bytes);
  if (declared && declared !== 'utf-8') {
    if (LATIN_SINGLE_BYTE.has(declared) && utf8 !== null && hasNonAscii(bytes)) return utf8;
    return iconv.decode(Buffer.from(bytes), declared);
  }
  if (utf8 !== null) return utf8;
  if (declared === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes), 'windows-1252');
}

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Finds a charset declared in the page head, reading the first bytes as Latin-1. */
function prescanCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  const xml = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml?.[1] ?? null;
}

/** Maps a label to one iconv-lite knows, following WHATWG aliases; null when unknown. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  let name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') name = 'utf-8';
  // WHATWG: Latin-1 and ASCII labels mean windows-1252; a UTF-16 label in an ASCII-compatible page means UTF-8.
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'us-ascii' || name === 'ascii' || name === 'iso8859-1') {
    return 'windows-1252';
  }
  if (name.startsWith('utf-16')) return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}
