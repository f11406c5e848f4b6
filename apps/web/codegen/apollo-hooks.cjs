/**
 * A small GraphQL Code Generator plugin: one thin React hook per operation for Apollo Client 4, on top of
 * the typed documents from `typed-document-node`.
 *
 *   query Me            → useMeQuery(options?)            = useQuery(MeDocument, options)
 *   mutation SignIn     → useSignInMutation(options?)     = useMutation(SignInDocument, options)
 *   subscription X      → useXSubscription(options?)      = useSubscription(XDocument, options)
 *
 * typescript-react-apollo 5 targets Apollo Client 3: with Apollo 4 its suspense-hook overloads do not
 * type-check, so we generate these instead. Options are Apollo 4's own `useQuery.Options` etc.; options are
 * required when the operation has required variables.
 */
const HOOKS = { query: 'useQuery', mutation: 'useMutation', subscription: 'useSubscription' };

function pascal(name) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

module.exports = {
  plugin(_schema, documents) {
    const used = new Set();
    const hooks = [];
    for (const { document } of documents) {
      for (const def of document?.definitions ?? []) {
        if (def.kind !== 'OperationDefinition' || !def.name) continue;
        const name = pascal(def.name.value);
        const kind = pascal(def.operation);
        const hook = HOOKS[def.operation];
        used.add(hook);
        const required = (def.variableDefinitions ?? []).some(
          (v) => v.type.kind === 'NonNullType' && v.defaultValue === undefined,
        );
        const data = `${name}${kind}`;
        const vars = `${name}${kind}Variables`;
        // Mutations take their variables when called, so their options are always optional.
        const optional = !required || def.operation === 'mutation' ? '?' : '';
        hooks.push(
          `export function use${name}${kind}(options${optional}: ${hook}.Options<${data}, ${vars}>) {\n` +
            `  return ${hook}(${name}Document, options);\n` +
            `}`,
        );
      }
    }
    if (hooks.length === 0) return '';
    return {
      prepend: [`import { ${[...used].sort().join(', ')} } from '@apollo/client/react';`],
      content: '\n' + hooks.join('\n\n') + '\n',
    };
  },
};
