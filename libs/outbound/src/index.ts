export { restrictedRange } from './address.policy';
export type { RestrictedRange } from './address.policy';
export { guardedLookup, systemResolver } from './guarded.lookup';
export type { Resolver } from './guarded.lookup';
export { OutboundError } from './outbound.error';
export type { OutboundErrorCode } from './outbound.error';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  OutboundHttp,
  outboundUrl,
} from './outbound.http';
export type { OutboundPolicy } from './outbound.http';
