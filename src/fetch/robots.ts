/**
 * robots.txt verdicts for article pages, cached per origin. A missing robots.txt (4xx) allows
 * everything, and so does one that cannot be fetched (5xx, timeout, refused): see
 * docs/decisions/0022-robots-txt.md. Concurrent checks for one origin share one fetch. A
 * `Crawl-delay` for our token (or `*`) is passed on, capped, as the gap the site asks between requests.
 */
import robotsParserModule from 'robots-parser';
import type { FetchResult } from './types.ts';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS (`module.exports = fn`) but its typings declare an ES default export,
// which NodeNext resolution reads as `module.exports.default`: the cast states what runs.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

interface Entry {
  expiresAt: number;
  robot: Promise<Robot | null>;
}

export interface RobotsCacheOptions {
  /** Fetches robots.txt with the fetcher's own limits (politeness, timeouts, size cap). */
  fetchRobots: (url: string, signal?: AbortSignal) => Promise<FetchResult>;
  /** Product token matched against User-agent lines, e.g. "newsdesk". */
  agentToken: string;
  now: () => Date;
}

const FOUND_TTL_MS = 24 * 60 * 60 * 1000;
const FAILED_TTL_MS = 60 * 60 * 1000;
/**
 * The longest Crawl-delay honoured: some sites ask for minutes or a day, which would stall a run's
 * article fetches on that host; past this we space requests by the cap.
 */
export const MAX_CRAWL_DELAY_MS = 10_000;

export interface RobotsVerdict {
  allowed: boolean;
  /** Minimum gap between request starts the site asks for (Crawl-delay, capped); 0 when none. */
  crawlDelayMs: number;
}

export interface RobotsCache {
  check(url: URL, signal?: AbortSignal): Promise<RobotsVerdict>;
}

export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const entries = new Map<string, Entry>();

  function load(origin: string, signal?: AbortSignal): Entry {
    const robotsUrl = `${origin}/robots.txt`;
    const entry: Entry = { expiresAt: options.now().getTime() + FOUND_TTL_MS, robot: Promise.resolve(null) };
    entry.robot = options.fetchRobots(robotsUrl, signal).then((result) => {
      if (result.status === 'ok') return robotsParser(robotsUrl, result.body.toString('utf8'));
      if (result.status === 'failed') {
        const missing =
          result.httpStatus !== undefined && result.httpStatus >= 400 && result.httpStatus < 500;
        // An aborted check says nothing about the site: forget it so the next run asks again.
        if (result.reason === 'aborted') entries.delete(origin);
        else if (!missing) entry.expiresAt = options.now().getTime() + FAILED_TTL_MS;
      }
      return null;
    });
    entries.set(origin, entry);
    return entry;
  }

  return {
    async check(url, signal) {
      const origin = url.origin;
      let entry = entries.get(origin);
      if (entry === undefined || entry.expiresAt <= options.now().getTime()) entry = load(origin, signal);
      const robot = await entry.robot;
      if (robot === null) return { allowed: true, crawlDelayMs: 0 };
      return {
        allowed: robot.isAllowed(url.href, options.agentToken) !== false,
        crawlDelayMs: crawlDelayMs(robot.getCrawlDelay(options.agentToken)),
      };
    },
  };
}

function crawlDelayMs(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.min(MAX_CRAWL_DELAY_MS, Math.round(seconds * 1000));
}
