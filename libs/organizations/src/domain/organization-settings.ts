import type { RoleName } from '@rollcall/contracts';
import type { OrganizationProfile } from './organization-profile';

/** Only the settings given change; the edge has checked their ranges already. */
export interface OrganizationSettingsChange {
  scimEnabled?: boolean;
  /** Whole days, 0–365; applies to teams deleted from now on, not to pending ones. */
  deletedTeamRetentionDays?: number;
  defaultRole?: RoleName;
}

export type OrganizationSettingName = keyof OrganizationSettingsChange;

const SETTING_NAMES: readonly OrganizationSettingName[] = [
  'scimEnabled',
  'deletedTeamRetentionDays',
  'defaultRole',
];

/** The settings `change` gives a value other than the organization's, in a fixed order. */
export function changedSettings(
  organization: OrganizationProfile,
  change: OrganizationSettingsChange,
): OrganizationSettingName[] {
  return SETTING_NAMES.filter(
    (name) => change[name] !== undefined && change[name] !== organization[name],
  );
}

/** The organization with the settings `change` gives, as of `at`. */
export function withSettings(
  organization: OrganizationProfile,
  change: OrganizationSettingsChange,
  at: Date,
): OrganizationProfile {
  return {
    ...organization,
    scimEnabled: change.scimEnabled ?? organization.scimEnabled,
    deletedTeamRetentionDays:
      change.deletedTeamRetentionDays ?? organization.deletedTeamRetentionDays,
    defaultRole: change.defaultRole ?? organization.defaultRole,
    updatedAt: at,
  };
}
