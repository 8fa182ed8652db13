import { showsDeletionBanner } from './deletion-banner.paths';

describe('showsDeletionBanner', () => {
  it.each(['/teams', '/teams/abc', '/pending-deletions'])('shows on %s', (path) => {
    expect(showsDeletionBanner(path)).toBe(true);
  });

  it.each(['/users', '/settings', '/sso', '/sso/provisioning', '/no-such-page', '/teamsx'])(
    'hides on %s',
    (path) => {
      expect(showsDeletionBanner(path)).toBe(false);
    },
  );
});
