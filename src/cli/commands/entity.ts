/** `newsdesk entity NAME`: one entity's aliases, accounts, mentions per day, co-occurring entities, stories. */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.ts';
import { clip, shortDate, sparkline } from '../../query/present.ts';
import { entityProfile, type EntityProfile } from '../../store/entity-queries.ts';
import { withContext } from '../context.ts';
import { colour, renderTable, writeJson } from '../output.ts';
import { parsePositiveInt } from '../time-options.ts';

export function register(program: Command): void {
  program
    .command('entity')
    .description('one entity by canonical name or alias (case-insensitive)')
    .argument('<name...>', 'the name, e.g. "Donald Trump", Trump or @realDonaldTrump')
    .option('--days <n>', 'days of mentions to chart', '30')
    .option('--limit <n>', 'at most this many stories', '20')
    .option('--json', 'print { name, type, aliases, accounts, mentions, stories, … }')
    .action(async (words: string[], options: { days: string; limit: string; json?: boolean }, command: Command) => {
      const name = words.join(' ');
      const days = parsePositiveInt(options.days, '--days');
      const stories = parsePositiveInt(options.limit, '--limit');
      const profile = await withContext(command, ({ connection }) => entityProfile(connection.db, name, { days: Math.min(days, 366), stories }));
      if (!profile) throw new UserError(`no entity named "${name}" (see \`newsdesk entities\`)`);
      if (options.json) writeJson(profileJson(profile));
      else process.stdout.write(renderProfile(profile));
    });
}

/** CONTRACT.md's `entity --json` fields first; the rest are additions. */
function profileJson(p: EntityProfile) {
  return {
    name: p.name,
    type: p.type,
    aliases: p.aliases,
    accounts: p.accounts,
    mentions: p.mentions,
    stories: p.stories.map((s) => ({ id: s.id, title: s.title, articleCount: s.articleCount, lastSeen: s.lastSeen.toISOString() })),
    articles: p.articles,
    owner: p.owner,
    perDay: p.perDay,
    coOccurring: p.coOccurring,
  };
}

function renderProfile(p: EntityProfile): string {
  const lines = [
    `${colour.paint('bold', p.name)}  ${colour.paint('dim', p.type)}`,
    `mentions  ${p.mentions} in ${p.articles} articles`,
  ];
  if (p.aliases.length) lines.push(`aliases   ${p.aliases.join(', ')}`);
  if (p.accounts.length) lines.push(`accounts  ${p.accounts.join(', ')}`);
  if (p.owner) lines.push(`owner     ${p.owner}`);
  if (p.perDay.length) {
    const first = p.perDay[0]!.date;
    const last = p.perDay.at(-1)!.date;
    lines.push(`per day   ${colour.paint('cyan', sparkline(p.perDay.map((d) => d.count)))}  ${first} … ${last}, max ${Math.max(...p.perDay.map((d) => d.count))}`);
  }
  if (p.coOccurring.length) lines.push(`with      ${p.coOccurring.map((c) => `${c.name} (${c.articles})`).join(', ')}`);
  let out = `${lines.join('\n')}\n`;
  if (p.stories.length) {
    out += `\n${renderTable(['story', 'last seen', 'articles', 'title'], p.stories.map((s) => [String(s.id), shortDate(s.lastSeen), String(s.articleCount), clip(s.title, 80)]))}`;
  }
  return out;
}
