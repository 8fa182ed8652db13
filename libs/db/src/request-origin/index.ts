export { currentRequestOrigin, runWithRequestOrigin } from './request-origin';
export type { RequestOrigin } from './request-origin';
