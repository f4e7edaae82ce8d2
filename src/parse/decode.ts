/**
 * Bytes to text for feed documents. The encoding is chosen in the order the XML spec and real
 * servers make trustworthy: byte order mark, then the HTTP Content-Type charset, then the XML
 * declaration, then sniffing (valid UTF-8 stays UTF-8, anything else is read as Windows-1252,
 * the encoding German and Portuguese feeds most often mislabel).
 */
import iconv from 'iconv-lite';

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
];

/** `<?` or `<` in UTF-16/32 without a BOM. */
const WIDE_PATTERNS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0x00, 0x00, 0x00, 0x3c], encoding: 'utf-32be' },
  { bytes: [0x3c, 0x00, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], encoding: 'utf-16be' },
  { bytes: [0x3c, 0x00, 0x3f, 0x00], encoding: 'utf-16le' },
];

export interface DetectedEncoding {
  encoding: string;
  /** Bytes to skip before decoding (the BOM). */
  skip: number;
  source: 'bom' | 'header' | 'declaration' | 'sniffed';
}

export function decodeFeedBytes(bytes: Uint8Array, headerCharset?: string | null): string {
  const detected = detectFeedEncoding(bytes, headerCharset);
  return repairC1Controls(decodeWith(bytes.subarray(detected.skip), detected.encoding));
}

/**
 * C1 control characters (U+0080–U+009F) never appear in real text; when they do, a Windows-1252
 * byte was re-encoded as if it were Latin-1 ("don\u0092t"). Map them back to the characters
 * Windows-1252 meant (’ “ ” „ € …), as Universal Feed Parser's "demoronize" step does.
 */
function repairC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252'));
}

export function detectFeedEncoding(bytes: Uint8Array, headerCharset?: string | null): DetectedEncoding {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return { encoding: bom.encoding, skip: bom.bytes.length, source: 'bom' };
  const wide = WIDE_PATTERNS.find((b) => startsWith(bytes, b.bytes));
  if (wide) return { encoding: wide.encoding, skip: 0, source: 'sniffed' };
  const fromHeader = usableCharset(headerCharset, bytes);
  if (fromHeader) return { encoding: fromHeader, skip: 0, source: 'header' };
  const fromDeclaration = usableCharset(declaredEncoding(bytes), bytes);
  if (fromDeclaration) return { encoding: fromDeclaration, skip: 0, source: 'declaration' };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', skip: 0, source: 'sniffed' };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** The encoding named in `<?xml … encoding="…"?>`, read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1] ?? null;
}

/**
 * A declared charset we can honour, normalised. Labels that cannot be right for these bytes
 * (UTF-16 without a BOM on ASCII-looking bytes, UTF-8 on invalid UTF-8) fall through to sniffing.
 */
function usableCharset(label: string | null | undefined, bytes: Uint8Array): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (name === '' || !iconv.encodingExists(name)) return null;
  if (/^(utf-?16|utf-?32|ucs-?2|ucs-?4)/.test(name)) return null;
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(name)) return isValidUtf8(bytes) ? 'utf-8' : null;
  // Browsers read Latin-1 and ASCII labels as Windows-1252 (WHATWG Encoding): „“ and € live there.
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|iso_8859-1|cp819|ibm819)$/.test(name)) return 'windows-1252';
  return name;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
