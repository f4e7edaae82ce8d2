import type { Command } from 'commander';
import { UserError } from '../../domain/errors.ts';

export function register(program: Command): void {
  program
    .command('parse-feed')
    .argument('<path>', 'feed file, or - for stdin')
    .option('--json', 'print JSON')
    .action(() => {
      throw new UserError('parse-feed is not implemented yet');
    });
}
