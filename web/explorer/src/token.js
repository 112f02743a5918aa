// The bearer token the explorer sends: from the URL fragment #token=T (then removed from the address bar, and
// kept for the dashboard too), else the one the dashboard's sign-in stored under localStorage 'ledger.token'.

const storageKey = 'ledger.token';

export function knownToken() {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromFragment = fragment.get('token');
  if (fromFragment) {
    localStorage.setItem(storageKey, fromFragment);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  return localStorage.getItem(storageKey);
}

export function headersFor(token) {
  return token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : '';
}
