import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/check.ts';
import { checkEnv, type Env } from '../../src/config/env.ts';

const env = (vars: NodeJS.ProcessEnv = {}): Env => {
  const checked = checkEnv(vars);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.env;
};

describe('feeds.json', () => {
  it('the shipped file is valid, with at least 8 German and 8 English feeds', () => {
    const checked = checkConfig(JSON.parse(readFileSync('feeds.json', 'utf8')), env());
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    const languages = checked.config.feeds.map((feed) => feed.language);
    expect(languages.filter((l) => l === 'de').length).toBeGreaterThanOrEqual(8);
    expect(languages.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(8);
    expect(checked.config.feeds.every((feed) => feed.tags.length > 0)).toBe(true);
  });

  it('a wrong field names the feed and the field', () => {
    const checked = checkConfig({ feeds: [{ name: 'heise', url: 'ftp://heise.de/rss', language: 'fr' }] }, env());
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toContain('feed "heise" (feeds[0]): url: must be an http(s) URL');
    expect(checked.errors.some((e) => e.startsWith('feed "heise" (feeds[0]): language:'))).toBe(true);
  });

  it('an unknown key is an error, in a feed and at the top level', () => {
    const inFeed = checkConfig({ feeds: [{ name: 'a', url: 'https://a.example/', lang: 'de' }] }, env());
    expect(inFeed).toEqual({ ok: false, errors: ['feed "a" (feeds[0]): unknown key "lang"'] });
    const atTop = checkConfig({ feeds: [], feds: [] }, env());
    expect(atTop).toEqual({ ok: false, errors: ['unknown key "feds"'] });
  });

  it('duplicate names and URLs are refused', () => {
    const checked = checkConfig(
      { feeds: [{ name: 'A', url: 'https://a.example/' }, { name: 'a', url: 'https://a.example/' }] },
      env(),
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors).toHaveLength(2);
  });

  it('environment variables override politeness and private-network settings', () => {
    const checked = checkConfig(
      { feeds: [] },
      env({ NEWSDESK_ALLOW_PRIVATE_NETWORKS: '1', NEWSDESK_PER_HOST_CONCURRENCY: '1', NEWSDESK_PER_HOST_DELAY_MS: '0' }),
    );
    if (!checked.ok) throw new Error('expected ok');
    expect(checked.config.settings.fetch).toMatchObject({
      allowPrivateNetworks: true, perHostConcurrency: 1, perHostDelayMs: 0,
    });
  });

  it('a bad environment variable is reported by name', () => {
    const checked = checkEnv({ NEWSDESK_PER_HOST_CONCURRENCY: 'many' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors[0]).toMatch(/^NEWSDESK_PER_HOST_CONCURRENCY:/);
  });
});
