import { BlockList, isIP } from 'node:net';

/** Why an address is off limits to fetches made on an admin's or an IdP's say. */
export type RestrictedRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'unique-local'
  | 'multicast'
  | 'metadata'
  | 'reserved';

const V4: [string, number, RestrictedRange][] = [
  ['169.254.169.254', 32, 'metadata'],
  ['0.0.0.0', 8, 'unspecified'],
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['169.254.0.0', 16, 'link-local'],
  // RFC 6598 carrier-grade NAT: inside a provider's network, never the public internet.
  ['100.64.0.0', 10, 'shared'],
  // RFC 6890: IETF protocol assignments, documentation, benchmarking, 240/4 and broadcast.
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6: [string, number, RestrictedRange][] = [
  // AWS's IMDS on IPv6 (Nitro).
  ['fd00:ec2::254', 128, 'metadata'],
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  // Deprecated site-local: still routed inside some networks.
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
];

function blockList(entries: [string, number, RestrictedRange][], family: 'ipv4' | 'ipv6') {
  return entries.map(([network, prefix, range]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, range };
  });
}

const v4Ranges = blockList(V4, 'ipv4');
const v6Ranges = blockList(V6, 'ipv6');

/**
 * The range an IP address falls in when it is not a public unicast address, else null.
 * IPv6 forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`, the deprecated compatible
 * `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that IPv4 address, so
 * `[::ffff:127.0.0.1]` is loopback. Anything that does not parse as an address is `reserved`:
 * the caller must never connect to what this function could not read.
 */
export function restrictedRange(address: string): RestrictedRange | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  switch (isIP(text)) {
    case 4:
      return v4Range(text);
    case 6: {
      const embedded = embeddedIpv4(text);
      if (embedded) return v4Range(embedded);
      return v6Ranges.find(({ list }) => list.check(text, 'ipv6'))?.range ?? null;
    }
    default:
      return 'reserved';
  }
}

function v4Range(address: string): RestrictedRange | null {
  return v4Ranges.find(({ list }) => list.check(address, 'ipv4'))?.range ?? null;
}

/** The IPv4 address an IPv6 address carries in one of the translation forms, if any. */
function embeddedIpv4(address: string): string | null {
  const words = ipv6Words(address);
  if (!words) return null;
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = words;
  const dotted = (high: number, low: number) =>
    `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const zeroUpTo4 = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0;
  // ::ffff:0:0/96 (mapped) and ::ffff:0:0:0/96 (SIIT translated).
  if (zeroUpTo4 && w4 === 0 && w5 === 0xffff) return dotted(w6, w7);
  if (zeroUpTo4 && w4 === 0xffff && w5 === 0) return dotted(w6, w7);
  // ::/96 (compatible), except :: and ::1 themselves.
  if (zeroUpTo4 && w4 === 0 && w5 === 0 && (w6 !== 0 || w7 > 1)) return dotted(w6, w7);
  // 64:ff9b::/96 (NAT64 well-known prefix).
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    return dotted(w6, w7);
  }
  // 2002::/16 (6to4): the IPv4 address is in the second and third words.
  if (w0 === 0x2002) return dotted(w1, w2);
  return null;
}

/** Eight 16-bit words of a valid IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Words(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const words = [...left, ...new Array<number>(missing).fill(0), ...right];
  return words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}
