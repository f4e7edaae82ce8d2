/** The plain-text alternative: readable in a terminal or a text-only client, links on their own lines. */
import { oneLine, safeHref, truncate } from './escape.ts';
import { languageLabel, longDate, outletList, periodLabel, plural, shortTime, storyCount } from './format.ts';
import type { DigestData, DigestStory, RenderOptions, WatchMatches } from './types.ts';

function clean(value: string, max = 400): string {
  return truncate(oneLine(value), max);
}

function url(value: string): string {
  return safeHref(value) ?? '(no link)';
}

function storyLines(story: DigestStory, index: number, options: Required<RenderOptions>): string[] {
  const same = story.headlines.filter((h) => oneLine(h.title) === oneLine(story.headline));
  const tags = same.map((h) => `[${languageLabel(h.language)}] `).join('');
  const lines = [`${index + 1}. ${tags}${clean(story.headline)}`];
  for (const h of story.headlines) {
    if (oneLine(h.title) !== oneLine(story.headline)) lines.push(`   [${languageLabel(h.language)}] ${clean(h.title)}`);
  }
  lines.push(`   ${plural(story.articleCount, 'article')} from ${plural(story.outletCount, 'outlet')}: ${clean(outletList(story.outlets), 600)}`);
  if (story.first) {
    const when = story.first.published ? `, ${shortTime(story.first.published, options.timeZone)}` : '';
    lines.push(`   First: ${clean(story.first.source)}${when}`);
  }
  if (story.entities.length) lines.push(`   Entities: ${story.entities.map((e) => clean(e.name, 60)).join(', ')}`);
  const shown = story.articles.slice(0, options.maxArticlesPerStory);
  for (const a of shown) {
    lines.push(`   - [${languageLabel(a.language)}] ${clean(a.title, 160)} (${clean(a.source, 80)})`, `     ${url(a.url)}`);
  }
  if (story.articleCount > shown.length) lines.push(`   and ${story.articleCount - shown.length} more`);
  return lines;
}

function watchLines(watch: WatchMatches, options: Required<RenderOptions>): string[] {
  const kind = watch.kind === 'entity' ? 'entity' : 'search';
  const lines = [`* ${clean(watch.name, 120)} (${kind}: ${clean(watch.query, 200)}): ${plural(watch.matches.length, 'new match', 'new matches')}`];
  if (watch.note) lines.push(`  ${clean(watch.note)}`);
  for (const m of watch.matches.slice(0, options.maxMatchesPerWatch)) {
    const when = m.published ? `, ${shortTime(m.published, options.timeZone)}` : '';
    lines.push(`  - ${clean(m.title, 160)} (${clean(m.source, 80)}${when})`);
    if (m.snippet) lines.push(`    ${clean(m.snippet, 240)}`);
    lines.push(`    ${url(m.url)}`);
  }
  return lines;
}

function healthLines(data: DigestData): string[] {
  if (!data.feedIssues.length) return ['Feed health: all feeds fetched normally.'];
  return [
    `Feed health: ${plural(data.feedIssues.length, 'feed')} need attention`,
    ...data.feedIssues.map((i) => {
      const what = i.problem === 'failed' ? `failed ${plural(i.failures, 'time')}` : 'stale';
      const since = i.lastSuccessAt ? `last success ${shortTime(i.lastSuccessAt, data.period.timeZone)}` : 'never succeeded';
      return `  - ${clean(i.name, 60)}: ${what}, ${since}${i.lastError ? `; ${clean(i.lastError, 160)}` : ''}`;
    }),
  ];
}

export function renderText(data: DigestData, options: Required<RenderOptions>): string {
  const title = `${clean(options.title, 60)} daily digest, ${longDate(data.period.date)}`;
  const lines = [title, '='.repeat(title.length), `${storyCount(data.stories.length, data.storiesInPeriod)}, ${periodLabel(data.period)}`, ''];
  lines.push('TOP STORIES', '');
  if (!data.stories.length) lines.push('No stories in this period.', '');
  data.stories.forEach((story, i) => lines.push(...storyLines(story, i, options), ''));
  if (data.watches.length) {
    lines.push('YOUR WATCHLISTS', '');
    for (const watch of data.watches) lines.push(...watchLines(watch, options), '');
  }
  lines.push('--', ...healthLines(data), `Period: ${periodLabel(data.period)}. Sent to ${clean(data.recipient.email, 200)}.`);
  return `${lines.join('\n')}\n`;
}
