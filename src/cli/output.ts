/** Data goes to stdout, logs and progress to stderr. */
import { styleText } from 'node:util';

/** Dates become ISO strings in UTC through Date.prototype.toJSON. */
export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function writeJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

export const colour = {
  enabled: (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  paint(style: Parameters<typeof styleText>[0], text: string): string {
    return colour.enabled() ? styleText(style, text) : text;
  },
};

/** A plain aligned table; colour only on a TTY. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => visibleLength(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i]! - visibleLength(c)))).join('  ').trimEnd();
  return [colour.paint('bold', line(headers)), ...rows.map(line)].join('\n') + '\n';
}

function visibleLength(text: string): number {
   
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
