import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeFeedBytes, detectFeedEncoding } from '../../src/parse/decode.ts';

const german = 'Grüße aus Köln: „Maßnahmen“ für Bären – 5 €';

describe('decodeFeedBytes', () => {
  it('reads Windows-1252 declared in the XML declaration (German quotes and €)', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="windows-1252"?><rss>${german}</rss>`, 'windows-1252');
    expect(decodeFeedBytes(bytes)).toContain(german);
  });

  it('reads ISO-8859-1 labels as Windows-1252, as browsers do', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="ISO-8859-1"?><rss>${german}</rss>`, 'windows-1252');
    expect(decodeFeedBytes(bytes)).toContain(german);
  });

  it('prefers the HTTP header charset over the XML declaration', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="utf-8"?><rss>Ärger</rss>`, 'latin1');
    expect(decodeFeedBytes(bytes, 'iso-8859-1')).toContain('Ärger');
    expect(detectFeedEncoding(bytes, 'iso-8859-1').source).toBe('header');
  });

  it('prefers a byte order mark over the header and the declaration', () => {
    const body = iconv.encode('<?xml version="1.0" encoding="iso-8859-1"?><rss>Übung</rss>', 'utf-8');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
    expect(decodeFeedBytes(bytes, 'windows-1252')).toBe('<?xml version="1.0" encoding="iso-8859-1"?><rss>Übung</rss>');
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('<rss>Straße</rss>', 'utf-16le')]);
    expect(decodeFeedBytes(bytes)).toBe('<rss>Straße</rss>');
  });

  it('decodes UTF-16 without a BOM from the shape of "<?"', () => {
    expect(decodeFeedBytes(iconv.encode('<?xml version="1.0"?><rss>ß</rss>', 'utf-16be'))).toBe('<?xml version="1.0"?><rss>ß</rss>');
  });

  it('sniffs undeclared bytes: valid UTF-8 stays UTF-8', () => {
    expect(decodeFeedBytes(Buffer.from('<rss>Müller</rss>', 'utf8'))).toBe('<rss>Müller</rss>');
  });

  it('sniffs undeclared bytes: invalid UTF-8 is read as Windows-1252', () => {
    expect(decodeFeedBytes(iconv.encode('<rss>Müller „zitiert“</rss>', 'windows-1252'))).toBe('<rss>Müller „zitiert“</rss>');
  });

  it('does not trust a UTF-8 declaration on bytes that are not UTF-8', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="UTF-8"?><rss>Gebühr</rss>', 'windows-1252');
    expect(decodeFeedBytes(bytes)).toContain('Gebühr');
  });

  it('ignores an unknown charset label and sniffs instead', () => {
    expect(decodeFeedBytes(Buffer.from('<rss>Ö</rss>', 'utf8'), 'x-no-such-charset')).toBe('<rss>Ö</rss>');
  });
});
