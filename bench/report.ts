/** The human-readable benchmark table (stdout), with the issue's goal beside each figure. */

interface Row { label: string; value: number | string; cpu?: number | string; goal: string }

export function printTable(r: Record<string, unknown>): void {
  const n = (key: string) => r[key] as number;
  const rows: Row[] = [
    { label: 'ingest, end to end (articles/s)', value: n('ingestArticlesPerSec'), cpu: n('ingestArticlesPerCpuSec'), goal: '≥ 1,000' },
    { label: 'raw better-sqlite3 insert floor (articles/s)', value: n('rawInsertArticlesPerSec'), cpu: n('rawInsertArticlesPerCpuSec'), goal: 'floor' },
    { label: 'analysis, 3,000-char article (ms)', value: n('analyzeMsPerArticle'), cpu: n('analyzeCpuMsPerArticle'), goal: '< 2' },
    { label: `assign at ${n('articles')} stored (ms/article)`, value: n('assignMsAt10k'), cpu: n('assignCpuMsAt10k'), goal: 'flat' },
    { label: `assign at ${n('bigArchiveArticles')} stored (ms/article)`, value: n('assignMsAt200k'), cpu: n('assignCpuMsAt200k'), goal: 'within 30 %' },
    { label: 'search p95 (ms)', value: n('searchP95Ms'), cpu: n('searchP95CpuMs'), goal: '< 50' },
    { label: 'story p95 (ms)', value: n('storyP95Ms'), cpu: n('storyP95CpuMs'), goal: '< 100' },
    { label: 'entity p95 (ms)', value: n('entityP95Ms'), cpu: n('entityP95CpuMs'), goal: '< 100' },
    { label: 'export (articles/s)', value: n('exportArticlesPerSec'), cpu: n('exportArticlesPerCpuSec'), goal: '≥ 20,000' },
    { label: 'peak RSS (MB)', value: n('peakRssMb'), goal: '< 500' },
  ];
  const header = r.synthetic ? 'SYNTHETIC archive from the seeded generator (not real articles)' : 'archive from the given corpus';
  const lines = [
    header,
    `${'measure'.padEnd(46)} ${'wall'.padStart(10)} ${'per CPU'.padStart(10)}  goal`,
    ...rows.map((row) => `${row.label.padEnd(46)} ${String(row.value).padStart(10)} ${String(row.cpu ?? '').padStart(10)}  ${row.goal}`),
    `slowest search shapes (median ms): ${Object.entries(r.searchMedianMsByQuery as Record<string, number>).slice(0, 3).map(([q, ms]) => `${q} ${ms}`).join(', ')}`,
    `load average during the run: ${(r.loadAverage as number[]).join(' ')} (wall figures are unreliable when it exceeds the core count)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
