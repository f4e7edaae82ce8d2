/** The environment variables newsdesk reads, validated once at the CLI's entry. */
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default('file:./newsdesk.db'),
  NEWSDESK_ALLOW_PRIVATE_NETWORKS: flag.optional(),
  NEWSDESK_PER_HOST_CONCURRENCY: count(1, 16).optional(),
  NEWSDESK_PER_HOST_DELAY_MS: count(0, 60_000).optional(),
  NEWSDESK_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  NEWSDESK_LOG_FILE: z.string().min(1).optional(),
  NEWSDESK_WORKER_ID: z.string().min(1).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
});

export type Env = z.output<typeof EnvSchema>;

/** Empty strings count as unset, as shells tend to leave them. */
export function checkEnv(env: NodeJS.ProcessEnv): { ok: true; env: Env } | { ok: false; errors: string[] } {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}
