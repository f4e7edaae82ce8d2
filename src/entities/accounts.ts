/**
 * Social-media accounts: @handles, Mastodon @user@instance, and profile links on Twitter/X,
 * Mastodon, Bluesky, Threads, Instagram, LinkedIn, YouTube and TikTok. The canonical name is
 * "@handle" for Twitter/X and bare handles (news text means Twitter/X by a bare handle),
 * "@user@instance" for Mastodon, and "host/path" for the other platforms, whose names overlap.
 */
import type { Token } from './tokens.ts';

/** Paths on twitter.com / x.com that are not profiles. */
const TWITTER_RESERVED = new Set([
  'home', 'search', 'hashtag', 'i', 'intent', 'share', 'explore', 'settings', 'login', 'signup', 'tos', 'privacy', 'notifications', 'messages', 'compose',
]);

interface ProfilePattern {
  re: RegExp;
  name: (match: RegExpMatchArray) => string | undefined;
}

const PROFILE_PATTERNS: ProfilePattern[] = [
  { re: /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:twitter|x)\.com\/(?:#!\/)?@?(\w{1,30})(?:[/?#].*)?$/iu, name: (m) => twitterName(m[1]) },
  { re: /^(?:https?:\/\/)?bsky\.app\/profile\/([\w.:-]+)\/?$/iu, name: (m) => `bsky.app/profile/${m[1]}` },
  { re: /^(?:https?:\/\/)?(?:www\.)?threads\.(?:net|com)\/@([\w.]+)\/?/iu, name: (m) => `threads.net/@${m[1]}` },
  { re: /^(?:https?:\/\/)?(?:www\.)?instagram\.com\/([\w.]+)\/?(?:\?.*)?$/iu, name: (m) => instagramName(m[1]) },
  { re: /^(?:https?:\/\/)?(?:[a-z]{2}\.|www\.)?linkedin\.com\/(in|company)\/([\w%-]+)\/?/iu, name: (m) => `linkedin.com/${m[1]}/${m[2]}` },
  { re: /^(?:https?:\/\/)?(?:www\.|m\.)?youtube\.com\/(@[\w.-]+|channel\/[\w-]+|c\/[\w-]+|user\/[\w-]+)\/?/iu, name: (m) => `youtube.com/${m[1]}` },
  { re: /^(?:https?:\/\/)?(?:www\.)?tiktok\.com\/@([\w.]+)\/?(?:\?.*)?$/iu, name: (m) => `tiktok.com/@${m[1]}` },
  // Mastodon and other fediverse servers: https://instance/@user
  { re: /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/@(\w+)\/?$/iu, name: (m) => `@${m[2]}@${m[1]?.toLowerCase()}` },
];

function twitterName(user: string | undefined): string | undefined {
  return user && !TWITTER_RESERVED.has(user.toLowerCase()) ? `@${user}` : undefined;
}

function instagramName(user: string | undefined): string | undefined {
  return user && !['p', 'reel', 'reels', 'explore', 'stories', 'accounts'].includes(user) ? `instagram.com/${user}` : undefined;
}

/** The canonical account name of a handle or profile-link token, or undefined. */
export function accountName(token: Token, text: string): string | undefined {
  if (token.kind === 'handle') {
    // "name@example.com" is an e-mail address, not a handle.
    const before = text[token.start - 1];
    if (before !== undefined && /[\p{L}\p{N}_.]/u.test(before)) return undefined;
    if (/^@\d+$/u.test(token.text)) return undefined;
    const [, user, instance] = /^@([^@]+)(?:@(.+))?$/u.exec(token.text) ?? [];
    return instance ? `@${user}@${instance.toLowerCase()}` : `@${user}`;
  }
  if (token.kind !== 'url') return undefined;
  for (const pattern of PROFILE_PATTERNS) {
    const match = pattern.re.exec(token.text);
    if (match) return pattern.name(match);
  }
  return undefined;
}

/** Lower-case key for owner look-ups: "@realDonaldTrump" and "twitter.com/realdonaldtrump" agree. */
export function handleKey(name: string): string {
  return name.replace(/^@/u, '').toLowerCase();
}
