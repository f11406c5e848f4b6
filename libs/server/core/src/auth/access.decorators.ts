import { SetMetadata } from '@nestjs/common';
import { Permission } from '@anyam/shared/domain';

export const ACCESS_METADATA = 'anyam:access';

export type AccessDeclaration = { kind: 'public' } | { kind: 'permission'; permission: Permission };

/** Anyone may call this, visitors included. Record-level rules still apply in the service/policy. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessDeclaration);

/** A signed-in member holding `permission` (through any of their roles) may call this. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies AccessDeclaration);
