/** One SCIM request as the provisioning log keeps it. */
export interface ProvisioningRequest {
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
  /** The parsed JSON body; redacted and truncated before it is stored. */
  requestBody: unknown;
  at: Date;
}
