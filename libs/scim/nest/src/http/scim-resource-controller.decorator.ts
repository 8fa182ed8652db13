import { Controller, UseFilters, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { ScimSecurity } from '../openapi/scim-openapi.components';
import { ScimMediaTypes } from '../openapi/scim-openapi.decorators';
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
    ScimSecurity(),
    ScimMediaTypes(),
    Controller(`${SCIM_BASE_PATH}/${resource}`),
    UseGuards(ScimAuthGuard),
    UseFilters(ScimErrorFilter),
  );
}
