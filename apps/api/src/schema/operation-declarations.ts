import 'reflect-metadata';
import { ACCESS_METADATA, AccessDeclaration } from '@anyam/server/core';
import { RESOLVERS } from './build-schema';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** Every Query, Mutation and Subscription with the access it declares. */
export function operationDeclarations(): { operation: string; type: string; access: string }[] {
  const rows: { operation: string; type: string; access: string }[] = [];
  for (const resolver of RESOLVERS) {
    const proto = resolver.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      const handler = proto[key] as object;
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

/** `npm run permissions`: the table of operations and their declared access, as Markdown. */
if (require.main === module) {
  console.log('| operation | kind | access |\n|---|---|---|');
  for (const r of operationDeclarations()) console.log(`| \`${r.operation}\` | ${r.type} | ${r.access === '@Public' ? 'public' : `\`${r.access}\``} |`);
}
