import type { ProvisioningRequest } from './provisioning-request';

/** One SCIM request as the provisioning log stores it: every text made storable and cut. */
export interface ProvisioningLogEntry extends Omit<ProvisioningRequest, 'requestBody' | 'at'> {
  id: string;
  /** The redacted JSON body, as text. */
  requestBody: string | null;
  createdAt: Date;
}
