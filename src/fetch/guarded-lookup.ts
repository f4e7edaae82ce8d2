/**
 * The private-network guard for article pages. Its DNS lookup runs inside the socket's own
 * connect, so the address checked is the address connected to: a name that resolves to a
 * public address for a pre-check and to 127.0.0.1 a moment later (DNS rebinding) is still caught.
 * IP literals never reach a lookup function, so assertPublicHost() checks those before connecting.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { FetchError } from './fetch-error.ts';
import { ipLiteral, isPrivateAddress } from './private-address.ts';

export interface NetworkGuard {
  /** Throws for a URL hostname that is a private IP literal ("127.0.0.1", "[::1]"; URL parsing already turned "0x7f.1" into "127.0.0.1"). */
  assertPublicHost(hostname: string): void;
  /** A node:net lookup that fails with a FetchError when the name resolves to any private address. */
  lookup: LookupFunction;
}

function refusal(host: string, address: string): FetchError {
  const where = host === address ? address : `${host} (${address})`;
  return new FetchError(
    'private-address',
    `refused to fetch a page from private address ${where}; set allowPrivateNetworks to allow it`,
  );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** `isPrivate` is replaceable only so tests can pretend 127.0.0.1 is a public host. */
export function createNetworkGuard(isPrivate: (address: string) => boolean = isPrivateAddress): NetworkGuard {
  const lookup: LookupFunction = (hostname, options, callback) => {
    const done: LookupCallback = callback;
    const wantsAll = options.all === true;
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) return done(error, wantsAll ? [] : '');
      const blocked = addresses.find((entry) => isPrivate(entry.address));
      if (blocked !== undefined) return done(refusal(hostname, blocked.address), wantsAll ? [] : '');
      const first = addresses[0];
      if (first === undefined) {
        return done(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      }
      if (wantsAll) return done(null, addresses);
      done(null, first.address, first.family);
    });
  };
  return {
    assertPublicHost(hostname) {
      const literal = ipLiteral(hostname);
      if (literal !== undefined && isPrivate(literal)) throw refusal(hostname, literal);
    },
    lookup,
  };
}
