import { operationDeclarations } from './operation-declarations';

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
