/**
 * The canonical form of an article URL, its identity in the store: tracking parameters, fragments and
 * default ports dropped, host lower-cased; meaningful query strings (`?id=123`, `?p=42`) kept.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid',
  '_hsenc', '_hsmi', 'mkt_tok', 'ref_src', 'ref_url', 'cmpid', 'ncid', 'ito', 'wt_mc', 'wt_zmc',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', 'ocid', 'sr_share', 'spm', 'xtor', 'at_medium',
  'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
]);

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'at_', 'oly_', 'vero_', 'ga_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Returns null for anything that is not an absolute http(s) URL. */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) {
    url.port = '';
  }
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return url.toString();
}
