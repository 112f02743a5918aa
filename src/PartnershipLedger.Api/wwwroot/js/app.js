// The dashboard: hash routes to pages, sign-in, and one place that turns an UNAUTHENTICATED or FORBIDDEN answer
// into the sign-in page with a clear message.
import { SignInNeeded, forgetMe, me } from './api.js';
import { h, show } from './dom.js';
import { currentToken, signOut, takeTokenFromFragment } from './token.js';
import { portfolioPage } from './pages/portfolio.js';
import { partnershipPage } from './pages/partnership.js';
import { nextStepsPage } from './pages/next-steps.js';
import { selfAssessmentPage } from './pages/self-assessment.js';
import { auditPage } from './pages/audit.js';
import { signInPage } from './pages/sign-in.js';

const routes = [
  { pattern: /^\/portfolio$/, page: portfolioPage, nav: 'portfolio', title: 'Portfolio' },
  { pattern: /^\/partnership\/([^/]+)$/, page: partnershipPage, nav: 'portfolio', title: 'Partnership' },
  { pattern: /^\/partnership\/([^/]+)\/next-steps$/, page: nextStepsPage, nav: 'portfolio', title: 'Next steps' },
  { pattern: /^\/partnership\/([^/]+)\/self-assessment$/, page: selfAssessmentPage, nav: 'portfolio', title: 'Self-assessment' },
  { pattern: /^\/audit$/, page: auditPage, nav: 'audit', title: 'Audit trail' },
  { pattern: /^\/sign-in$/, page: signInPage, nav: 'sign-in', title: 'Sign in' },
];

const view = document.getElementById('view');
let signInMessage = null;

async function render() {
  if (takeTokenFromFragment()) forgetMe();   // /#token=T, also when pasted into an open dashboard
  const [path, query = ''] = (location.hash.replace(/^#/, '') || '/portfolio').split('?');
  const params = new URLSearchParams(query);
  const route = routes.find((r) => r.pattern.test(path));
  if (!route) {
    location.hash = '#/portfolio';
    return;
  }
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === route.nav) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  showWhoIsSignedIn();
  document.title = `${route.title} · PartnershipLedger`;
  if (route.page === signInPage) {
    show(view, h('div', { class: 'page' }));
    signInPage(view.firstChild, params, signInMessage);
    signInMessage = null;
    return;
  }
  // Each render draws into its own container: a page still loading when the route changes writes into a detached one.
  const container = h('div', { class: 'page' }, h('p', { class: 'loading' }, 'Loading…'));
  show(view, container);
  view.setAttribute('aria-busy', 'true');
  try {
    await route.page(container, params, ...(path.match(route.pattern).slice(1).map(decodeURIComponent)));
  } catch (error) {
    if (!container.isConnected) return;
    if (error instanceof SignInNeeded) {
      if (error.code === 'UNAUTHENTICATED') signOut();
      forgetMe();
      signInMessage = error.code === 'FORBIDDEN'
        ? `Your token does not allow this page (${error.message}). Sign in with another token.`
        : `Please sign in again: ${error.message}`;
      location.hash = `#/sign-in?then=${encodeURIComponent(location.hash)}`;
      return;
    }
    show(container, h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, error.message));
  } finally {
    if (container.isConnected) view.removeAttribute('aria-busy');
  }
}

function showWhoIsSignedIn() {
  const label = document.getElementById('signed-in');
  document.getElementById('sign-out').hidden = !currentToken();
  if (!currentToken()) {
    label.textContent = 'Not signed in';
    return;
  }
  me().then((viewer) => { label.textContent = `${viewer.user} · ${viewer.role.toLowerCase()}`; }, () => { label.textContent = ''; });
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  forgetMe();
  location.hash = '#/sign-in';
});
window.addEventListener('hashchange', render);
takeTokenFromFragment();
if (!currentToken() && !location.hash.startsWith('#/')) history.replaceState(null, '', '#/sign-in');
render();
