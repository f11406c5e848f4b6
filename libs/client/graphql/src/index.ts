export * from './generated';
export { AccessTokenStore } from './access-token';
export { createApolloClient, type CreateApolloClientOptions } from './client';
export { readApiProblems, hasCode, type ApiProblem } from './errors';
