/** One SCIM request as the provisioning log stores it: every text made storable and cut. */
export interface ProvisioningLogEntry {
  id: string;
  organizationId: string;
  tokenPrefix: string | null;
  requestId: string | null;
  method: string;
  path: string;
  filter: string | null;
  status: number;
  scimType: string | null;
  detail: string | null;
  resourceType: string | null;
  resourceId: string | null;
  durationMs: number;
  /** The redacted JSON body, as text. */
  requestBody: string | null;
  createdAt: Date;
}
