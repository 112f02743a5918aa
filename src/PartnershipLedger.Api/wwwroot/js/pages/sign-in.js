// Sign-in: paste a token (or open /#token=T). Until the API requires tokens, one may go on without.
import { h, show } from '../dom.js';
import { currentActor, currentToken, rememberActor, signIn } from '../token.js';

export function signInPage(view, params, message) {
  const tokenInput = h('textarea', { id: 'token', name: 'token', rows: 3, required: true, autocomplete: 'off', spellcheck: 'false' }, currentToken() ?? '');
  const actorInput = h('input', { id: 'actor', name: 'actor', type: 'email', value: localStorage.getItem('ledger.actor') ?? '', placeholder: 'ada@contoso.example' });
  const goOn = () => { location.hash = params.get('then') || '#/portfolio'; };
  show(view,
    h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
      h('h1', { id: 'sign-in-title' }, 'Sign in'),
      message ? h('p', { class: 'error', role: 'alert', dataset: { testid: 'sign-in-message' } }, message) : null,
      h('form', {
        onsubmit: (event) => {
          event.preventDefault();
          signIn(tokenInput.value);
          rememberActor(actorInput.value);
          goOn();
        },
      },
      h('label', { for: 'token' }, 'Access token'), tokenInput,
      h('p', { class: 'note' }, 'Paste the token you were given. `ops/run` prints a link that signs you in with the development token.'),
      h('label', { for: 'actor' }, 'Your e-mail (recorded as who acted, until tokens identify you)'), actorInput,
      h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
      currentToken() ? null : h('p', { class: 'note' }, 'No token yet? ',
        h('a', { href: '#/portfolio', onclick: () => rememberActor(actorInput.value) }, 'Continue without one'),
        ' (works while the API does not require tokens; acting as ', currentActor(), ').')));
}
