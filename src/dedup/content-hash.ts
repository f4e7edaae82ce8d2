import { createHash } from 'node:crypto';

/** A stable hash of what a reader sees, to tell a changed article from a re-delivered one. */
export function contentHash(title: string, text: string): string {
  const normal = `${title}\n${text}`.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(normal).digest('hex').slice(0, 32);
}
