import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildMessage, composeEml } from '../../src/digest/message.ts';
import { digestPeriod } from '../../src/digest/period.ts';
import { renderDigest } from '../../src/digest/render.ts';
import type { DigestData, DigestStory } from '../../src/digest/types.ts';

const hostile = `"><img src=x onerror=alert(1)><script>alert('x')</script>`;

function story(overrides: Partial<DigestStory> = {}): DigestStory {
  return {
    id: 1,
    headline: 'EU delays AI rules',
    headlines: [
      { language: 'de', title: 'EU verschiebt KI-Regeln' },
      { language: 'en', title: 'EU delays AI rules' },
    ],
    outlets: ['heise online', 'The Register'],
    outletCount: 2,
    articleCount: 2,
    first: { source: 'heise online', title: 'EU verschiebt KI-Regeln', url: 'https://www.heise.de/a', published: new Date('2026-11-22T07:12:00Z') },
    entities: [{ name: 'EU-Kommission', type: 'organization' }],
    articles: [
      { title: 'EU verschiebt KI-Regeln', url: 'https://www.heise.de/a', source: 'heise online', language: 'de', published: new Date('2026-11-22T07:12:00Z') },
      { title: 'EU delays AI rules', url: 'https://www.theregister.com/b', source: 'The Register', language: 'en', published: new Date('2026-11-22T08:00:00Z') },
    ],
    ...overrides,
  };
}

function data(overrides: Partial<DigestData> = {}): DigestData {
  return {
    period: digestPeriod('2026-11-23', '07:00', 'Europe/Berlin'),
    recipient: { email: 'r@example.org' },
    stories: [story()],
    watches: [],
    feedIssues: [],
    storiesInPeriod: 1,
    ...overrides,
  };
}

const options = { timeZone: 'Europe/Berlin' };

describe('renderDigest', () => {
  it('puts the date and the top story in the subject', () => {
    expect(renderDigest(data(), options).subject).toBe('newsdesk digest 2026-11-23: EU delays AI rules');
    expect(renderDigest(data({ stories: [story(), story({ id: 2 })] }), options).subject).toMatch(/\(\+1 more\)$/);
    expect(renderDigest(data({ stories: [] }), options).subject).toBe('newsdesk digest 2026-11-23: no new stories');
    expect(renderDigest(data({ stories: [story({ headline: 'Line\r\nBcc: evil@example.org' })] }), options).subject).not.toMatch(/[\r\n]/);
  });

  it('shows each language headline, the outlets, who was first and when (local time), entities and links', () => {
    const { html, text } = renderDigest(data(), options);
    const $ = cheerio.load(html);
    expect($('body').text()).toContain('EU verschiebt KI-Regeln');
    expect($('body').text()).toContain('2 articles from 2 outlets: heise online, The Register');
    expect($('body').text()).toContain('First: heise online, 22 Nov, 08:12');
    expect($('body').text()).toContain('EU-Kommission');
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['https://www.heise.de/a', 'https://www.heise.de/a', 'https://www.theregister.com/b']);
    expect(text).toContain('1. [EN] EU delays AI rules\n   [DE] EU verschiebt KI-Regeln\n');
    expect(text).toContain('   First: heise online, 22 Nov, 08:12');
    expect(text).toContain('     https://www.theregister.com/b');
  });

  it('keeps hostile titles, outlets, entities, snippets and links inert', () => {
    const evil = story({
      headline: hostile,
      headlines: [{ language: 'en', title: hostile }],
      outlets: [hostile],
      entities: [{ name: hostile, type: 'person' }],
      first: { source: hostile, title: hostile, url: 'javascript:alert(1)', published: null },
      articles: [{ title: hostile, url: 'javascript:alert(2)', source: hostile, language: 'en', published: null }],
    });
    const { html, text } = renderDigest(
      data({
        stories: [evil],
        watches: [{ name: hostile, query: hostile, kind: 'search', matches: [{ title: hostile, url: 'data:text/html,<script>x</script>', source: hostile, published: null, snippet: hostile }] }],
        feedIssues: [{ name: hostile, url: 'https://x.example', problem: 'failed', failures: 1, lastError: hostile, lastSuccessAt: null }],
      }),
      options,
    );
    const $ = cheerio.load(html);
    expect($('script, img, iframe, object, embed, style').length).toBe(0);
    $('*').each((_, element) => {
      for (const name of Object.keys((element as { attribs?: Record<string, string> }).attribs ?? {})) expect(name).not.toMatch(/^on/i);
    });
    for (const href of $('a').map((_, a) => $(a).attr('href')).get()) expect(href).toMatch(/^https?:/);
    expect($('body').text()).toContain(`"><img src=x onerror=alert(1)><script>alert('x')</script>`);
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(text).toContain(hostile);
    expect(text).toContain('(no link)');
  });

  it('lists watchlist matches and the feeds that need attention', () => {
    const { html, text } = renderDigest(
      data({
        watches: [{ name: 'chips', query: 'Nvidia OR AMD', kind: 'search', matches: [{ title: 'Nvidia record', url: 'https://x.example/n', source: 'Golem', published: new Date('2026-11-22T20:00:00Z'), snippet: 'Nvidia said…' }] }],
        feedIssues: [
          { name: 'Golem', url: 'https://golem.example', problem: 'failed', failures: 3, lastError: 'HTTP 503', lastSuccessAt: new Date('2026-11-22T09:00:00Z') },
          { name: 'Sleepy', url: 'https://sleepy.example', problem: 'stale', failures: 0, lastError: null, lastSuccessAt: null },
        ],
      }),
      options,
    );
    expect(text).toContain('* chips (search: Nvidia OR AMD): 1 new match\n  - Nvidia record (Golem, 22 Nov, 21:00)');
    expect(text).toContain('  - Golem: failed 3 times, last success 22 Nov, 10:00; HTTP 503');
    expect(text).toContain('  - Sleepy: stale, never succeeded');
    expect(cheerio.load(html)('body').text()).toContain('Feed health: 2 feeds need attention');
  });
});

describe('the message', () => {
  it('is multipart/alternative with both parts and a stable Message-ID per recipient and date', async () => {
    const rendered = renderDigest(data(), options);
    const message = buildMessage(rendered, { from: 'newsdesk <digest@newsdesk.example>', to: 'r@example.org', digestDate: '2026-11-23', date: new Date('2026-11-23T06:00:00Z') });
    const again = buildMessage(rendered, { from: 'newsdesk <digest@newsdesk.example>', to: 'R@example.org', digestDate: '2026-11-23', date: new Date() });
    expect(message.messageId).toBe(again.messageId);
    expect(message.messageId).not.toBe(buildMessage(rendered, { from: 'x@newsdesk.example', to: 'r@example.org', digestDate: '2026-11-24', date: new Date() }).messageId);
    const eml = (await composeEml(message)).toString();
    expect(eml).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(eml).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(eml).toMatch(/^Content-Type: text\/html; charset=utf-8/m);
    expect(eml).toMatch(/^Auto-Submitted: auto-generated/m);
    expect(eml).toContain(`Message-ID: ${message.messageId}`);
  });
});
