/**
 * Public API of the fetch stage, the only code in newsdesk that touches the network.
 * See docs/decisions/0020-http-client.md for the shape and its reasons.
 */
export { createFetcher } from './fetcher.ts';
export { fetchFeed, fetchPage, type FeedValidators } from './fetch-feed.ts';
export { buildUserAgent, FETCH_DEFAULTS } from './fetcher-options.ts';
export { nextPollAt, type PollPlan } from './backoff.ts';
export { isPrivateAddress } from './private-address.ts';
export type {
  Fetcher,
  FetcherOptions,
  FetchFailed,
  FetchFailureReason,
  FetchKind,
  FetchNotModified,
  FetchOk,
  FetchRequest,
  FetchResult,
} from './types.ts';
