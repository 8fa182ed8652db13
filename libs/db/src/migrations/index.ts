import { Organizations1763900000000 } from './1763900000000-organizations';

/** Every migration, oldest first; each one is written for both dialects. */
export const migrations = [Organizations1763900000000];
