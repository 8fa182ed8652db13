import { pluralize } from './resource-counts.format';

/** What the retention window means for a team deleted now, in one sentence. */
export function retentionSentence(retentionDays: number): string {
  if (retentionDays <= 0) {
    return 'The retention window is 0 days: the team and everything it holds are deleted at once and cannot be restored.';
  }
  return `The team goes to Pending deletions for ${pluralize(retentionDays, 'day', 'days')}: until then an admin can restore it with its members and resources. After that it is purged for good.`;
}
