/** Reads the configuration file and environment once, at the CLI's entry. */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readEntityCorrections } from '../entities/index.ts';
import { UsageError } from '../domain/errors.ts';
import { checkConfig, type Config } from './check.ts';
import { checkEnv } from './env.ts';

export async function loadConfig(path: string, processEnv: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const env = checkEnv(processEnv);
  if (!env.ok) throw new UsageError(`environment: ${env.errors.join('; ')}`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `config file not found: ${path}` : `cannot read ${path}: ${code}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const checked = checkConfig(raw, env.env);
  if (!checked.ok) throw new UsageError(`${path}: ${checked.errors.join('; ')}`);
  return withCorrections(checked.config, path);
}

/** settings.entityCorrections names a file relative to the configuration file; it wins over the shipped one. */
function withCorrections(config: Config, configPath: string): Config {
  const file = config.settings.entityCorrections;
  if (!file) return config;
  const path = resolve(dirname(configPath), file);
  const read = readEntityCorrections(path);
  if (!read.ok) throw new UsageError(`${path}: ${read.errors.join('; ')}`);
  return { ...config, entityCorrections: read.corrections };
}

/** For commands that need no feeds file (import, export, search): env only, defaults for the rest. */
export async function loadConfigOrDefaults(path: string | undefined, processEnv = process.env): Promise<Config> {
  if (path) return loadConfig(path, processEnv);
  try {
    return await loadConfig('feeds.json', processEnv);
  } catch (error) {
    if (error instanceof UsageError && error.message.startsWith('config file not found')) {
      const env = checkEnv(processEnv);
      if (!env.ok) throw new UsageError(`environment: ${env.errors.join('; ')}`);
      const checked = checkConfig({ feeds: [] }, env.env);
      if (checked.ok) return checked.config;
    }
    throw error;
  }
}
