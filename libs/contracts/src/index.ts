export { ROLE_NAMES, isRoleName } from './roles';
export type { RoleName } from './roles';
export type { ApiErrorBody } from './api-error';
