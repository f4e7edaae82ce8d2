/** The suite's configuration (small timeouts and limits) and its notion of a readable error. */
import { expect } from 'vitest';
import { checkConfig, type Config } from '../../src/config/check.ts';
import { checkEnv } from '../../src/config/env.ts';

export function hostileConfig(feeds: unknown[], fetch: Record<string, unknown> = {}): Config {
  const env = checkEnv({ NEWSDESK_PER_HOST_DELAY_MS: '0', NEWSDESK_PER_HOST_CONCURRENCY: '4' });
  if (!env.ok) throw new Error(env.errors.join('; '));
  const settings = { fetch: { timeoutSeconds: 5, connectTimeoutSeconds: 5, maxBytes: 8 * 1024 * 1024, concurrency: 8, ...fetch } };
  const checked = checkConfig({ feeds, settings }, env.env);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.config;
}

export function expectReadable(error: string | null | undefined): void {
  expect(error, 'an error is recorded').toBeTruthy();
  expect(error!.length, 'one short line').toBeLessThan(500);
  expect(error).not.toMatch(/\n|\bat .*\.ts:\d+/);
}
