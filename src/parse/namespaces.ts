/**
 * Feeds write the same namespace with any prefix (or none, or an undeclared one). Elements are
 * matched by a canonical prefix chosen from the namespace URI, the way Universal Feed Parser does.
 * The feed vocabularies themselves (RSS 0.9/1.0/2.0, Atom 0.3/1.0) get no prefix, so a mapping
 * asks for `title`, `dc:creator`, `content:encoded`.
 */
const FEED_NAMESPACES = new Set([
  'http://www.w3.org/2005/atom',
  'http://purl.org/atom/ns#',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://backend.userland.com/rss',
  'http://backend.userland.com/rss2',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://purl.org/net/rss1.1#',
  'http://www.w3.org/2005/atom/',
]);

const CANONICAL: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://example.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://www.google.com/schemas/reader/atom/': 'gr',
};

/** The prefix to match an element by: '' for feed vocabularies, canonical for known ones, else as written. */
export function namespacePrefix(uri: string | null, writtenPrefix: string): string {
  if (uri === null) return writtenPrefix === '' ? '' : writtenPrefix;
  const lower = uri.toLowerCase();
  if (lower === '' || FEED_NAMESPACES.has(lower)) return '';
  return CANONICAL[lower] ?? writtenPrefix;
}
