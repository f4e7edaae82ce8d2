/**
 * Which IP addresses an article-page fetch must not reach: loopback, private, link-local,
 * unique-local, unspecified, multicast and reserved ranges, also when an IPv4 address hides
 * inside an IPv6 form (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96,
 * 6to4 2002::/16). Pure; see docs/decisions/0021-private-network-guard.md.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** [network base address, prefix length] */
const BLOCKED_V4: ReadonlyArray<readonly [number, number]> = [
  [v4(0, 0, 0, 0), 8], // "this network", includes 0.0.0.0
  [v4(10, 0, 0, 0), 8],
  [v4(100, 64, 0, 0), 10], // carrier-grade NAT, shared address space (RFC 6598)
  [v4(127, 0, 0, 0), 8],
  [v4(169, 254, 0, 0), 16], // link-local, home of cloud metadata endpoints
  [v4(172, 16, 0, 0), 12],
  [v4(192, 0, 0, 0), 24], // IETF protocol assignments
  [v4(192, 168, 0, 0), 16],
  [v4(198, 18, 0, 0), 15], // benchmarking
  [v4(224, 0, 0, 0), 4], // multicast
  [v4(240, 0, 0, 0), 4], // reserved, includes 255.255.255.255
];

function v4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function parseIPv4(address: string): number | undefined {
  if (!isIPv4(address)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = address.split('.').map(Number);
  return v4(a, b, c, d);
}

function isBlockedV4(value: number): boolean {
  return BLOCKED_V4.some(([base, bits]) => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (value & mask) >>> 0 === base;
  });
}

/** Eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
function parseIPv6(address: string): number[] | undefined {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  if (!isIPv6(bare)) return undefined;
  let text = bare.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1] !== undefined) {
    const value = parseIPv4(dotted[1]);
    if (value === undefined) return undefined;
    text =
      text.slice(0, -dotted[1].length) + `${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(zeros).fill('0'), ...tailGroups].map((g) =>
    parseInt(g, 16),
  );
  return groups.length === 8 ? groups : undefined;
}

function embeddedV4(groups: number[]): number {
  return (((groups[6] ?? 0) << 16) | (groups[7] ?? 0)) >>> 0;
}

function isBlockedV6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  if (firstFiveZero && (g5 === 0xffff || g5 === 0)) return isBlockedV4(embeddedV4(groups)); // mapped, compatible
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isBlockedV4(embeddedV4(groups)); // NAT64
  }
  if (g0 === 0x2002) return isBlockedV4(((g1 << 16) | g2) >>> 0); // 6to4
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return true; // deprecated site-local fec0::/10
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique-local fc00::/7
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  return false;
}

/**
 * True when the address is not a public unicast address. Anything that is not a valid IP
 * literal counts as private too: refusing is the safe answer for something we cannot read.
 */
export function isPrivateAddress(address: string): boolean {
  const value = parseIPv4(address);
  if (value !== undefined) return isBlockedV4(value);
  const groups = parseIPv6(address);
  if (groups !== undefined) return isBlockedV6(groups);
  return true;
}

/** The IP literal in a URL hostname ("[::1]" → "::1"), or undefined for a DNS name. */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIPv4(bare) || isIPv6(bare) ? bare : undefined;
}
