import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Transactions } from '@rollcall/db';
import { TypeOrmUserStore } from './persistence/typeorm-user.store';
import { UserEntity } from './persistence/user.entity';
import { UserLookup } from './persistence/user.lookup';
import { DeleteUser } from './use-cases/delete-user.use-case';
import { GetUser } from './use-cases/get-user.use-case';
import { ListUsers } from './use-cases/list-users.use-case';
import { PatchUser } from './use-cases/patch-user.use-case';
import { ProvisionUser } from './use-cases/provision-user.use-case';
import { ReplaceUser } from './use-cases/replace-user.use-case';
import { UserChangeHooks } from './use-cases/user-change.hooks';

const useCases = [ProvisionUser, GetUser, ListUsers, ReplaceUser, PatchUser, DeleteUser];

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [Transactions, TypeOrmUserStore, UserLookup, UserChangeHooks, ...useCases],
  exports: [UserLookup, UserChangeHooks, ...useCases],
})
export class DirectoryModule {}
