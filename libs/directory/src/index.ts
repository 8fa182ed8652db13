export { DirectoryModule } from './directory.module';
export { DirectoryError } from './domain/directory.error';
export type { DirectoryErrorCode } from './domain/directory.error';
export type { DirectoryUser, UserSource } from './domain/directory-user';
export { resolveRoleName } from './domain/role-name.resolver';
export { changedAttributes, userEventData } from './domain/user-events';
export { UserLookup } from './persistence/user.lookup';
export type {
  SignInCandidate,
  SignInKeys,
  SignInMatch,
  UserRef,
  UserSummary,
} from './persistence/user.lookup';
export { DeleteUser } from './use-cases/delete-user.use-case';
export { GetUser } from './use-cases/get-user.use-case';
export { ListUsers } from './use-cases/list-users.use-case';
export type { ListUsersQuery, UserList } from './use-cases/list-users.use-case';
export { PatchUser } from './use-cases/patch-user.use-case';
export { ProvisionUser } from './use-cases/provision-user.use-case';
export { ReplaceUser } from './use-cases/replace-user.use-case';
export { UserChangeHooks } from './use-cases/user-change.hooks';
export type {
  UserChange,
  UserChangeHook,
  UserDeletion,
  UserDeletionHook,
} from './use-cases/user-change.hooks';
