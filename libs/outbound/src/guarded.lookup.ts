import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { restrictedRange } from './address.policy';
import { OutboundError } from './outbound.error';

/** How names are resolved: `dns.lookup` in production, a table in tests. */
export type Resolver = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

export const systemResolver: Resolver = (hostname, callback) =>
  dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
    callback(error, addresses ?? []),
  );

/**
 * A `lookup` for sockets (net/http/tls) that refuses a name when any of its addresses is
 * restricted. It runs when the socket connects, after any earlier check, so a name that
 * resolves to a public address once and to 127.0.0.1 the next time (DNS rebinding) is caught
 * on the connection that matters. All addresses are checked, not only the one used: a
 * client that falls back to the next address would otherwise reach the restricted one.
 */
export function guardedLookup(resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    resolver(hostname, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => restrictedRange(a.address) !== null);
      if (refused || addresses.length === 0) {
        const reason = refused ? `a ${restrictedRange(refused.address)} address` : 'no address';
        return callback(
          new OutboundError('ADDRESS_RESTRICTED', `${hostname} resolves to ${reason}`),
          '',
          0,
        );
      }
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      const usable = family ? addresses.filter((a) => a.family === family) : addresses;
      if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
        return;
      }
      const first = usable[0];
      if (!first) {
        return callback(
          new OutboundError('ADDRESS_RESTRICTED', `${hostname} has no IPv${family} address`),
          '',
          0,
        );
      }
      callback(null, first.address, first.family);
    });
  };
}
