/** URL resolution for feed links: relative references against xml:base, the feed link or the document URL. */

/** `reference` resolved against `base`; the reference unchanged when it cannot be resolved. */
export function resolveUrl(reference: string, base: string | null | undefined): string {
  const trimmed = reference.trim();
  // Absolute references are kept as written: WHATWG URL parsing would re-encode and re-case them.
  if (!base || isAbsoluteUrl(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

export function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value);
}
