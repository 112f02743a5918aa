// Sign-in: paste a token, or open /#token=T (ops/run prints such a link with the development admin token).
import { forgetMe } from '../api.js';
import { h, show } from '../dom.js';
import { currentToken, signIn } from '../token.js';

export function signInPage(view, params, message) {
  const tokenInput = h('textarea', { id: 'token', name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false' }, currentToken() ?? '');
  show(view,
    h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
      h('h1', { id: 'sign-in-title' }, 'Sign in'),
      message ? h('p', { class: 'error', role: 'alert', dataset: { testid: 'sign-in-message' } }, message) : null,
      h('form', {
        onsubmit: (event) => {
          event.preventDefault();
          signIn(tokenInput.value);
          forgetMe();
          location.hash = params.get('then') || '#/portfolio';
        },
      },
      h('label', { for: 'token' }, 'Access token'), tokenInput,
      h('p', { class: 'note' }, 'Paste the token an admin issued you. `ops/run` prints a link that signs you in with the development admin token (also in .data/dev-token).'),
      h('button', { type: 'submit', class: 'primary' }, 'Sign in'))));
}
