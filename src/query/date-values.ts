/**
 * Date values of `since:` and `until:`: an ISO date or date-time, or a duration before now (`7d`, `24h`).
 * A bare date in `until:` includes that whole day (`until:2017-11-30` ends at midnight after it), so
 * `since:2017-11-01 until:2017-11-30` is all of November, as a researcher would read it.
 */
const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseDateValue(value: string, field: 'since' | 'until', now: Date): Date | undefined {
  const relative = /^(\d{1,6})([mhdw])$/i.exec(value);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNITS[relative[2]!.toLowerCase()]!);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return undefined;
    return field === 'until' ? new Date(day.getTime() + UNITS.d!) : day;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const instant = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  return undefined;
}
