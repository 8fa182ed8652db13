/**
 * The "Microsoft Entra ID deleted a team" warning belongs where teams are: Teams, a team's page
 * and Pending deletions (there is no dashboard home: `/` opens Provisioning). Elsewhere (a 404,
 * Users, Settings) it only pushed the page down.
 */
export function showsDeletionBanner(pathname: string): boolean {
  return (
    pathname === '/teams' || pathname.startsWith('/teams/') || pathname === '/pending-deletions'
  );
}
