/**
 * The configuration file (feeds.json by default): feeds, settings and the digest. Strict: an unknown key
 * is an error, because a misspelt option silently ignored is worse than a refusal.
 */
import { z } from 'zod';

const language = z.enum(['de', 'en']);

export const FeedSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  language: language.optional(),
  tags: z.array(z.string().min(1)).default([]),
  pollIntervalMinutes: z.number().int().min(1).max(24 * 60).optional(),
  fullText: z.boolean().default(true),
  enabled: z.boolean().default(true),
});

const FetchSettings = z.strictObject({
  perHostConcurrency: z.number().int().min(1).max(16).default(2),
  perHostDelayMs: z.number().int().min(0).max(60_000).default(1000),
  allowPrivateNetworks: z.boolean().default(false),
  timeoutSeconds: z.number().min(1).max(300).default(30),
  connectTimeoutSeconds: z.number().min(1).max(120).default(10),
  maxBytes: z.number().int().min(1024).default(10 * 1024 * 1024),
  maxItemAgeDays: z.number().min(1).optional(),
  concurrency: z.number().int().min(1).max(64).default(8),
  fullText: z.boolean().default(true),
});

const SettingsSchema = z.strictObject({
  pollIntervalMinutes: z.number().int().min(1).max(24 * 60).default(15),
  clusterWindowHours: z.number().min(1).max(24 * 30).default(72),
  fetchLogRetentionDays: z.number().int().min(1).default(30),
  entityCorrections: z.string().optional(),
  fetch: FetchSettings.default(FetchSettings.parse({})),
});

const RecipientSchema = z.strictObject({
  email: z.email(),
  name: z.string().optional(),
  languages: z.array(language).min(1).default(['de', 'en']),
  watch: z.array(z.string().min(1)).default([]),
  entities: z.array(z.string().min(1)).default([]),
});

const DigestSchema = z.strictObject({
  sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM').default('07:00'),
  timeZone: z
    .string()
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Europe/Berlin')
    .default('Europe/Berlin'),
  from: z.string().default('newsdesk <newsdesk@localhost>'),
  maxStories: z.number().int().min(1).max(100).default(12),
  recipients: z.array(RecipientSchema).default([]),
});

export const ConfigFileSchema = z.strictObject({
  $schema: z.string().optional(),
  settings: SettingsSchema.default(SettingsSchema.parse({})),
  digest: DigestSchema.default(DigestSchema.parse({})),
  feeds: z.array(z.unknown()),
});

export type FeedEntry = z.output<typeof FeedSchema>;
export type Settings = z.output<typeof SettingsSchema>;
export type DigestSettings = z.output<typeof DigestSchema>;
export type Recipient = z.output<typeof RecipientSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
