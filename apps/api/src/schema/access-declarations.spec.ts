import 'reflect-metadata';
import { ACCESS_METADATA, AccessDeclaration } from '@anyam/server/core';
import { RESOLVERS } from './build-schema';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** Every Query, Mutation and Subscription with the access it declares. */
export function operationDeclarations() {
  const rows: { operation: string; type: string; access: string }[] = [];
  for (const resolver of RESOLVERS) {
    const proto = resolver.prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      const handler = proto[key];
      const type = Reflect.getMetadata(RESOLVER_TYPE, handler);
      if (!['Query', 'Mutation', 'Subscription'].includes(type)) continue;
      const declaration: AccessDeclaration | undefined =
        Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, resolver);
      rows.push({
        operation: Reflect.getMetadata(RESOLVER_NAME, handler) ?? key,
        type,
        access: !declaration ? 'UNDECLARED' : declaration.kind === 'public' ? '@Public' : declaration.permission,
      });
    }
  }
  return rows.sort((a, b) => `${a.type}${a.operation}`.localeCompare(`${b.type}${b.operation}`));
}

describe('access declarations', () => {
  it('every GraphQL operation declares @Public() or @RequirePermission()', () => {
    const rows = operationDeclarations();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.access === 'UNDECLARED')).toEqual([]);
  });

  it('keeps the declared access of account operations as designed', () => {
    const byName = Object.fromEntries(operationDeclarations().map((r) => [r.operation, r.access]));
    expect(byName).toMatchObject({
      me: '@Public',
      signUp: '@Public',
      signIn: '@Public',
      signOut: '@Public',
      refreshSession: '@Public',
      requestPasswordReset: '@Public',
      resetPassword: '@Public',
      updateProfile: 'account:manage-own',
      changePassword: 'account:manage-own',
      meUpdated: 'account:manage-own',
    });
  });
});
