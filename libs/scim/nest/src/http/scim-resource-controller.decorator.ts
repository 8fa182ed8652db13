import { Controller, UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { SCIM_BASE_PATH } from '../scim.options';
import { ScimErrorFilter } from './scim-error.filter';

/**
 * A SCIM resource endpoint (`/scim/v2/<resource>`): bearer token required, RFC 7644 error
 * envelope for every failure (`application/scim+json` responses: scimContentType, applied
 * by ScimModule to the whole base path).
 */
export function ScimResourceController(resource: string, tag: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiBearerAuth('scim-token'),
    Controller(`${SCIM_BASE_PATH}/${resource}`),
    UseGuards(ScimAuthGuard),
    UseFilters(ScimErrorFilter),
  );
}
