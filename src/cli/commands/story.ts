import type { Command } from 'commander';
import { UserError } from '../../domain/errors.ts';
import { findArticleId, mergeStories, moveArticle, splitArticle } from '../../pipeline/story-corrections.ts';
import { storyDetail, type StoryDetail } from '../../store/story-queries.ts';
import { withContext } from '../context.ts';
import { colour, progress, renderTable, writeJson } from '../output.ts';
import { parsePositiveInt } from '../time-options.ts';

export function register(program: Command): void {
  const story = program
    .command('story')
    .description('one story: timeline, who was first, entities, why grouped; merge, split, move')
    .argument('<id>', 'story id')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const storyId = parsePositiveInt(id, 'story id');
      const detail = await withContext(command, ({ connection }) => storyDetail(connection.db, storyId));
      if (!detail) throw new UserError(`no story ${storyId}`);
      if (options.json) writeJson(detail);
      else process.stdout.write(render(detail));
    });

  story
    .command('merge')
    .description('merge story B into story A (kept merged by later clustering)')
    .argument('<a>', 'story that stays')
    .argument('<b>', 'story merged into A')
    .action(async (a: string, b: string, _options: unknown, command: Command) => {
      const [into, from] = [parsePositiveInt(a, 'A'), parsePositiveInt(b, 'B')];
      await withContext(command, ({ connection }) => mergeStories(connection.db, into, from, new Date()));
      progress(`merged story ${from} into story ${into}`);
    });

  story
    .command('split')
    .description('take an article out of a story into a story of its own')
    .argument('<id>', 'story id')
    .requiredOption('--article <url|id>', 'the article to split out')
    .action(async (id: string, options: { article: string }, command: Command) => {
      const storyId = parsePositiveInt(id, 'story id');
      const created = await withContext(command, async ({ connection }) =>
        splitArticle(connection.db, storyId, await findArticleId(connection.db, options.article), new Date()),
      );
      progress(`article now in its own story ${created}`);
    });

  story
    .command('move')
    .description('move an article to another story')
    .argument('<article>', 'article URL or id')
    .requiredOption('--to <id>', 'target story id')
    .action(async (article: string, options: { to: string }, command: Command) => {
      const to = parsePositiveInt(options.to, '--to');
      await withContext(command, async ({ connection }) =>
        moveArticle(connection.db, await findArticleId(connection.db, article), to, new Date()),
      );
      progress(`moved article ${article} to story ${to}`);
    });
}

function render(detail: StoryDetail): string {
  const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '');
  const first = detail.timeline[0];
  const lines = [
    colour.paint('bold', `Story ${detail.id}: ${detail.title}`),
    ...Object.entries(detail.titles).filter(([, t]) => t !== detail.title).map(([lang, t]) => `  [${lang}] ${t}`),
    `${detail.articleCount} articles from ${detail.sources.length} outlets (${detail.languages.join(', ')}), ` +
      `${when(detail.firstSeen)} – ${when(detail.lastSeen)} UTC`,
    first ? `First: ${first.source} at ${when(first.published ?? first.fetchedAt)}` : '',
    `Entities: ${detail.keyEntities.map((e) => `${e.name} (${e.type})`).join(', ') || '–'}`,
    // a name is often a term too ("gox" the name and "gox" the word): each label once
    `Why grouped: ${[...new Set([...detail.reasons.entities, ...detail.reasons.terms])].join(', ') || '–'}`,
    '',
  ];
  const table = renderTable(
    ['time (UTC)', 'outlet', 'lang', 'title'],
    detail.timeline.map((a) => [when(a.published ?? a.fetchedAt), a.source, a.language, a.title.slice(0, 90) + (a.pinned ? ' *' : '')]),
  );
  return `${lines.join('\n')}\n${table}`;
}
