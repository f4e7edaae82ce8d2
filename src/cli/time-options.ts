import { UsageError } from '../domain/errors.ts';

/** `24h`, `7d`, `30m`, `2w` before now, or an ISO date/time. */
export function parseTimeOption(value: string, now: Date, option: string): Date {
  const relative = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
  if (relative) {
    const unit = { m: 60_000, h: 3600_000, d: 86_400_000, w: 604_800_000 }[relative[2]!.toLowerCase() as 'm'];
    return new Date(now.getTime() - Number(relative[1]) * unit);
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UsageError(`${option}: expected a duration like 24h or 7d, or a date like 2017-11-29 (got "${value}")`);
}

export function parsePositiveInt(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${option}: expected a positive whole number`);
  return number;
}
