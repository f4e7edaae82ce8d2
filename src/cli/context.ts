/** What every command that touches the database needs: the checked configuration and an open store. */
import type { Command } from 'commander';
import type { Config } from '../config/check.ts';
import { loadConfig, loadConfigOrDefaults } from '../config/load.ts';
import { connect, type Connection } from '../store/client.ts';

export interface Context {
  config: Config;
  connection: Connection;
}

/** Opens config and database, runs `body`, always closes the database. */
export async function withContext<T>(
  command: Command,
  body: (context: Context) => Promise<T>,
  options: { requireConfig?: boolean } = {},
): Promise<T> {
  const explicit = command.optsWithGlobals().config as string | undefined;
  const configPath = command.getOptionValueSourceWithGlobals('config') === 'default' ? undefined : explicit;
  const config = options.requireConfig
    ? await loadConfig(configPath ?? 'feeds.json')
    : await loadConfigOrDefaults(configPath);
  const connection = await connect(config.env.DATABASE_URL);
  try {
    return await body({ config, connection });
  } finally {
    await connection.close();
  }
}
