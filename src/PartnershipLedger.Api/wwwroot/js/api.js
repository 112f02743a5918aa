// Every read and write goes through /graphql with the signed-in user's token (Authorization: Bearer ...).
import { currentToken } from './token.js';

/** The API refused who we are (UNAUTHENTICATED) or what we asked (FORBIDDEN): sign in again. */
export class SignInNeeded extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Errors GraphQL answered, each with its extensions.code (VALIDATION, NOT_FOUND, CONFLICT...). */
export class GraphQLErrors extends Error {
  constructor(errors) {
    super(errors.map((error) => error.message).join('\n'));
    this.errors = errors;
  }
}

const signInCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** Runs a query or mutation as the signed-in user and returns its data. */
export async function graphql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json;q=0.9' };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  if (response.status === 401 || response.status === 403) {
    const refusal = (await response.json().catch(() => null))?.errors?.[0];
    throw new SignInNeeded(refusal?.message ?? (response.status === 401 ? 'Your token was not accepted.' : 'Your token does not allow this.'),
      refusal?.extensions?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN'));
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`The API answered ${response.status} without a GraphQL result.`);
  }
  const errors = body.errors ?? [];
  const refusal = errors.find((error) => signInCodes.has(error.extensions?.code));
  if (refusal) throw new SignInNeeded(refusal.message, refusal.extensions.code);
  if (errors.length > 0) throw new GraphQLErrors(errors);
  return body.data;
}

let queryFields;
/** The names of the Query type's fields, from introspection (cached): lets pages use fields as they arrive. */
export async function queryFieldNames() {
  queryFields ??= graphql('{ __type(name: "Query") { fields { name } } }').then(
    (data) => new Set(data.__type.fields.map((field) => field.name)),
    (error) => { queryFields = undefined; throw error; });
  return queryFields;
}

let viewer;
/** Who the token says we are: { user, organizationId, role } (read once per page load). */
export function me() {
  viewer ??= graphql('{ me { user organizationId role } }').then((data) => data.me, (error) => { viewer = undefined; throw error; });
  return viewer;
}
export const forgetMe = () => { viewer = undefined; };

let model;
/** The maturity model (functions, levels, questionnaires, advice), read once per page load. */
export function maturityModel() {
  model ??= graphql(`{
    maturityModel {
      version
      levels { level name rank description }
      partnerTypes { type name abbreviation }
      functions {
        function name
        levels { level framework overview }
        advice { area text }
        actions { action resource }
        assessment { title questions { number text negativeSignal } bands { level min max published } }
      }
    }
  }`).then((data) => data.maturityModel, (error) => { model = undefined; throw error; });
  return model;
}
