/**
 * A query given as several words on the command line. A word with one leading dash is the query's
 * NOT (`newsdesk search twitter -trump`), so commands taking a query let unknown options through as
 * words (`allowUnknownOption`); a word with two dashes is still refused as the mistyped option it is.
 */
import { UsageError } from '../domain/errors.ts';

export function queryFromWords(words: readonly string[]): string {
  const option = words.find((word) => word.startsWith('--'));
  if (option) throw new UsageError(`unknown option '${option.split('=')[0]}'`);
  return words.join(' ');
}
