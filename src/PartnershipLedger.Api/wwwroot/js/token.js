// The bearer token the dashboard sends: pasted on the sign-in page, or given as the URL fragment #token=T (read once,
// then removed from the address bar so it is not bookmarked or shared). Kept in localStorage 'ledger.token', which
// the GraphQL explorer at /graphql reads too.

const tokenKey = 'ledger.token';

export function takeTokenFromFragment() {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (!token) return false;
  localStorage.setItem(tokenKey, token);
  history.replaceState(null, '', window.location.pathname + window.location.search + '#/portfolio');
  return true;
}

export const currentToken = () => localStorage.getItem(tokenKey);
export const signIn = (token) => localStorage.setItem(tokenKey, token.trim());
export const signOut = () => localStorage.removeItem(tokenKey);
