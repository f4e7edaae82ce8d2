import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.ts';

const accounts = (text: string) =>
  extractEntities({ text, language: 'en' }).mentions.filter((m) => m.type === 'account').map((m) => [m.text, m.name]);

describe('account forms', () => {
  it.each([
    ['@realDonaldTrump', '@realDonaldTrump'],
    ['https://twitter.com/realDonaldTrump', '@realDonaldTrump'],
    ['twitter.com/realDonaldTrump/status/123', '@realDonaldTrump'],
    ['https://x.com/elonmusk', '@elonmusk'],
    ['https://mobile.twitter.com/jack', '@jack'],
    ['@Gargron@mastodon.social', '@Gargron@mastodon.social'],
    ['https://mastodon.social/@Gargron', '@Gargron@mastodon.social'],
    ['https://bsky.app/profile/jay.bsky.team', 'bsky.app/profile/jay.bsky.team'],
    ['https://www.threads.net/@zuck', 'threads.net/@zuck'],
    ['https://www.instagram.com/nasa/', 'instagram.com/nasa'],
    ['https://www.linkedin.com/in/satyanadella', 'linkedin.com/in/satyanadella'],
    ['https://de.linkedin.com/company/microsoft/', 'linkedin.com/company/microsoft'],
    ['https://www.youtube.com/@MrBeast', 'youtube.com/@MrBeast'],
    ['https://www.youtube.com/channel/UC123abc', 'youtube.com/channel/UC123abc'],
    ['https://www.tiktok.com/@khaby.lame', 'tiktok.com/@khaby.lame'],
  ])('%s → %s', (form, name) => {
    const text = `Siehe ${form}.`;
    expect(accounts(text)).toEqual([[form, name]]);
  });

  it('takes no e-mail address, search page, post or plain web link for an account', () => {
    expect(accounts('Mail an presse@example.com oder https://twitter.com/search?q=trump und https://www.instagram.com/p/abc123/ und https://example.org/@foo/bar')).toEqual([]);
  });

  it('leaves sentence punctuation outside a link', () => {
    const text = 'Sein Profil: https://x.com/elonmusk.';
    const [mention] = extractEntities({ text, language: 'de' }).mentions.filter((m) => m.type === 'account');
    expect(mention?.text).toBe('https://x.com/elonmusk');
    expect(text.slice(mention?.start, mention?.end)).toBe('https://x.com/elonmusk');
  });
});

describe('account owners', () => {
  const owner = (text: string, language: 'de' | 'en', account: string) =>
    extractEntities({ text, language }).entities.find((e) => e.type === 'account' && e.name === account)?.owner;

  it('links a handle to the person the text names as its owner', () => {
    expect(owner('Kowalczyks Twitter-Account @jkowal ist gesperrt.', 'de', '@jkowal')).toBe('Kowalczyk');
    expect(owner('Bahtiyar Duysak (@bduysak) meldete sich zu Wort.', 'de', '@bduysak')).toBe('Bahtiyar Duysak');
    expect(owner("Sundar Pichai's account @sundarpichai posted it.", 'en', '@sundarpichai')).toBe('Sundar Pichai');
  });

  it('does not make a handle merely near a name its owner', () => {
    expect(owner('Sundar Pichai retweeted @nytimes on Monday.', 'en', '@nytimes')).toBeUndefined();
  });
});
