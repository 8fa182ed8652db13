import { OrganizationAdminEntity } from './organization-admin.entity';
import { OrganizationEntity } from './organization.entity';
import { ScimTokenEntity } from './scim-token.entity';

/** The entities of organizations' tables, for a DataSource's wiring. */
export const ORGANIZATION_ENTITIES = [OrganizationEntity, OrganizationAdminEntity, ScimTokenEntity];
