/**
 * The HTML body. Written for mail clients, not browsers: tables for layout, inline styles only, no
 * scripts, no external images or fonts. Every piece of text from feeds goes through `text()` and every
 * link through `link()`, so a hostile title stays inert text.
 */
import { escapeHtml, oneLine, safeHref, truncate } from './escape.ts';
import { languageLabel, longDate, outletList, periodLabel, plural, shortTime, storyCount } from './format.ts';
import type { DigestData, DigestStory, FeedIssue, RenderOptions, WatchMatches } from './types.ts';

const FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;";
const MUTED = 'color:#5f6b7a;';
const LINK = 'color:#0b57d0;text-decoration:none;';

function text(value: string, max = 400): string {
  return escapeHtml(truncate(oneLine(value), max));
}

function link(url: string, label: string, style = LINK): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}" style="${style}">${label}</a>` : label;
}

function badge(language: string): string {
  const colour = language === 'de' ? '#8a4b08;background:#fdf0dc' : '#0b4f8a;background:#e2eefb';
  return `<span style="display:inline-block;padding:0 5px;margin-right:6px;border-radius:3px;font-size:11px;font-weight:bold;color:${colour};">${escapeHtml(languageLabel(language))}</span>`;
}

function row(content: string, style = ''): string {
  return `<tr><td style="padding:0 24px;${style}">${content}</td></tr>`;
}

function sectionTitle(title: string): string {
  return row(
    `<h2 style="margin:0;padding:22px 0 6px;border-bottom:2px solid #e3e7ed;font-size:13px;letter-spacing:.08em;text-transform:uppercase;${MUTED}">${title}</h2>`,
  );
}

function storyBlock(story: DigestStory, index: number, options: Required<RenderOptions>): string {
  const mainUrl = story.first?.url ?? story.articles[0]?.url ?? '';
  const same = story.headlines.filter((h) => oneLine(h.title) === oneLine(story.headline));
  const headline = `<div style="font-size:18px;line-height:1.3;font-weight:bold;color:#1b2430;">${index + 1}. ${same.map((h) => badge(h.language)).join('')}${link(mainUrl, text(story.headline), 'color:#1b2430;text-decoration:none;')}</div>`;
  // The headline in each other language the story was reported in.
  const languages = story.headlines
    .filter((h) => oneLine(h.title) !== oneLine(story.headline))
    .map((h) => `<div style="padding-top:4px;font-size:14px;line-height:1.4;color:#2d3745;">${badge(h.language)}${text(h.title)}</div>`)
    .join('');
  const outlets = `${plural(story.articleCount, 'article')} from ${plural(story.outletCount, 'outlet')}: ${text(outletList(story.outlets), 600)}`;
  const first = story.first
    ? `First: <strong>${text(story.first.source)}</strong>${story.first.published ? `, ${escapeHtml(shortTime(story.first.published, options.timeZone))}` : ''}`
    : '';
  const entities = story.entities.length
    ? `<div style="padding-top:6px;font-size:12px;${MUTED}">${story.entities.map((e) => `<span style="display:inline-block;margin:2px 4px 0 0;padding:1px 6px;border:1px solid #d5dbe3;border-radius:10px;">${text(e.name, 60)}</span>`).join('')}</div>`
    : '';
  const articles = story.articles
    .slice(0, options.maxArticlesPerStory)
    .map((a) => `<li style="margin:0 0 3px;">${badge(a.language)}${link(a.url, text(a.title, 160))} <span style="${MUTED}">· ${text(a.source, 80)}</span></li>`)
    .join('');
  const more = story.articleCount > Math.min(story.articles.length, options.maxArticlesPerStory)
    ? `<div style="font-size:12px;${MUTED}">and ${story.articleCount - Math.min(story.articles.length, options.maxArticlesPerStory)} more</div>`
    : '';
  return row(
    `${headline}${languages}<div style="padding-top:6px;font-size:13px;${MUTED}">${outlets}${first ? `<br>${first}` : ''}</div>${entities}` +
      `<ul style="margin:8px 0 0;padding:0 0 0 18px;font-size:13px;line-height:1.45;">${articles}</ul>${more}`,
    'padding-top:16px;padding-bottom:14px;border-bottom:1px solid #eef1f4;',
  );
}

function watchBlock(watch: WatchMatches, options: Required<RenderOptions>): string {
  const kind = watch.kind === 'entity' ? 'Entity' : 'Search';
  const head = `<div style="font-size:15px;font-weight:bold;color:#1b2430;">${text(watch.name, 120)} <span style="font-size:12px;font-weight:normal;${MUTED}">${kind}: ${text(watch.query, 200)} · ${plural(watch.matches.length, 'new match', 'new matches')}</span></div>`;
  const note = watch.note ? `<div style="font-size:12px;color:#8a4b08;">${text(watch.note)}</div>` : '';
  const matches = watch.matches
    .slice(0, options.maxMatchesPerWatch)
    .map(
      (m) =>
        `<li style="margin:0 0 6px;">${link(m.url, text(m.title, 160))} <span style="${MUTED}">· ${text(m.source, 80)}${m.published ? ` · ${escapeHtml(shortTime(m.published, options.timeZone))}` : ''}</span>` +
        (m.snippet ? `<div style="font-size:12px;color:#4a5563;">${text(m.snippet, 240)}</div>` : '') +
        '</li>',
    )
    .join('');
  const list = matches ? `<ul style="margin:6px 0 0;padding:0 0 0 18px;font-size:13px;line-height:1.45;">${matches}</ul>` : '';
  return row(`${head}${note}${list}`, 'padding-top:12px;padding-bottom:8px;');
}

function feedIssueRow(issue: FeedIssue, timeZone: string): string {
  const what = issue.problem === 'failed' ? `failed ${plural(issue.failures, 'time')}` : 'stale';
  const since = issue.lastSuccessAt ? `last success ${escapeHtml(shortTime(issue.lastSuccessAt, timeZone))}` : 'never succeeded';
  const error = issue.lastError ? ` · ${text(issue.lastError, 160)}` : '';
  return `<tr><td style="padding:2px 12px 2px 0;vertical-align:top;white-space:nowrap;">${text(issue.name, 60)}</td><td style="padding:2px 0;vertical-align:top;">${what}, ${since}${error}</td></tr>`;
}

function footer(data: DigestData): string {
  const health = data.feedIssues.length
    ? `<div style="font-weight:bold;padding-bottom:4px;">Feed health: ${plural(data.feedIssues.length, 'feed')} need attention</div>` +
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="font-size:12px;${MUTED}">${data.feedIssues.map((i) => feedIssueRow(i, data.period.timeZone)).join('')}</table>`
    : '<div>Feed health: all feeds fetched normally.</div>';
  return row(
    `${health}<div style="padding-top:10px;">Period: ${escapeHtml(periodLabel(data.period))}. Sent to ${text(data.recipient.email, 200)}.</div>`,
    `padding-top:16px;padding-bottom:22px;background:#f7f9fb;border-top:1px solid #e3e7ed;font-size:12px;line-height:1.5;${MUTED}`,
  );
}

function withDefaults(options: RenderOptions): Required<RenderOptions> {
  return { title: 'newsdesk', maxArticlesPerStory: 6, maxMatchesPerWatch: 10, ...options };
}

export function renderHtml(data: DigestData, subject: string, renderOptions: RenderOptions): string {
  const options = withDefaults(renderOptions);
  const stories = data.stories.length
    ? data.stories.map((s, i) => storyBlock(s, i, options)).join('')
    : row(`<p style="font-size:14px;${MUTED}">No stories in this period.</p>`);
  const watches = data.watches.length
    ? sectionTitle('Your watchlists') + data.watches.map((w) => watchBlock(w, options)).join('')
    : '';
  const header = row(
    `<div style="font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:#c9d6ea;">${text(options.title)} daily digest</div>` +
      `<div style="padding-top:4px;font-size:22px;font-weight:bold;color:#ffffff;">${escapeHtml(longDate(data.period.date))}</div>` +
      `<div style="padding-top:4px;font-size:13px;color:#c9d6ea;">${storyCount(data.stories.length, data.storiesInPeriod)} · ${escapeHtml(periodLabel(data.period))}</div>`,
    'padding-top:22px;padding-bottom:20px;background:#1f3a5f;',
  );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${text(subject)}</title></head>
<body style="margin:0;padding:0;background:#eef1f4;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#eef1f4;"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background:#ffffff;border:1px solid #dde2e8;word-wrap:break-word;overflow-wrap:anywhere;${FONT}">
${header}
${sectionTitle('Top stories')}
${stories}
${watches}
${footer(data)}
</table>
</td></tr></table>
</body></html>
`;
}
