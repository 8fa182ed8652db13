/** The Microsoft Entra tenant an organization connected, as the dashboard shows it. */
export interface EntraConnection {
  tenantId: string;
  connectedByEmail: string;
  connectedAt: Date;
}

/** A connection as stored: which organization holds the tenant (one org per tenant). */
export interface StoredEntraConnection extends EntraConnection {
  organizationId: string;
}
