import type { MessageKey } from '../i18n/en';
import { t, tf } from '../i18n/i18n';
import { type Account, authErrorCode, currentAccount, saveAccount, signIn, signOut } from '../net/account';
import { h, routeLink } from './dom';

const ERRORS = ['invalid_credentials', 'email_already_in_use', 'email_malformed', 'password_too_short'];
const errorText = (e: unknown): string => {
  const code = authErrorCode(e);
  return t((code && ERRORS.includes(code) ? `accountErr_${code}` : 'accountErr_other') as MessageKey);
};

/** An email + password form (labelled fields, its error announced), calling `submit` with both. */
function credentialsForm(id: string, title: MessageKey, button: MessageKey, newPassword: boolean, submit: (email: string, password: string) => Promise<void>): HTMLElement {
  const email = h('input', { id: `${id}-email`, type: 'email', autocomplete: 'email', required: true, maxlength: 254 });
  const password = h('input', { id: `${id}-password`, type: 'password', autocomplete: newPassword ? 'new-password' : 'current-password', required: true, minlength: 6, maxlength: 128 });
  const error = h('p', { id: `${id}-error`, class: 'error', role: 'alert' });
  const send = h('button', { type: 'submit', class: 'primary' }, t(button));
  const form = h('form', { id, 'aria-describedby': `${id}-error`, novalidate: true }, h('label', {}, t('accountEmail'), email), h('label', {}, t('accountPassword'), password), send, error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    send.disabled = true;
    submit(email.value.trim(), password.value).then(
      () => (password.value = ''),
      (err: unknown) => {
        error.textContent = errorText(err);
        send.disabled = false;
      },
    );
  });
  return h('details', { class: 'account-form' }, h('summary', {}, t(title)), form);
}

/**
 * The lobby's account card: on the first visit an anonymous account is made at once (kept in this
 * browser); "Save your account" gives it an email and a password, "Sign in" opens a saved one.
 * `named` hears the account's name (the lobby's name field shows it when empty); "Your profile"
 * opens its ratings with `go`.
 */
export function accountCard(name: () => string | undefined, named: (account: Account) => void, go: (path: string) => void): HTMLElement {
  const status = h('p', { id: 'account-status', role: 'status' }, t('accountLoading'));
  const forms = h('div', {});
  const card = h('section', { class: 'card account', id: 'account', 'aria-labelledby': 'account-title' }, h('h2', { id: 'account-title' }, t('accountTitle')), status, forms);
  const show = (account: Account, done?: MessageKey) => {
    const who = account.anonymous ? tf('accountGuest', { name: account.name }) : tf('accountSaved', { name: account.name, email: account.email ?? '' });
    status.textContent = done ? `${t(done)} ${who}` : who;
    forms.replaceChildren(
      h('p', {}, routeLink('/profile', go, { id: 'profile-link' }, t('yourProfile'))),
      ...(account.anonymous
        ? [h('p', { class: 'muted' }, t('accountSaveHint')), credentialsForm('account-save', 'accountSaveTitle', 'accountSave', true, async (e, p) => show(await saveAccount(e, p), 'accountSavedNow'))]
        : [
            // Only a saved account can be left: it signs in again with its email (a guest one would be lost).
            h('button', { id: 'account-signout', class: 'secondary', onclick: () => void signOut(name()).then((guest) => show(guest, 'accountSignedOutNow'), () => (status.textContent = t('accountErr_other'))) }, t('accountSignOut')),
          ]),
      credentialsForm('account-signin', 'accountSignInTitle', 'accountSignIn', false, async (e, p) => show(await signIn(e, p), 'accountSignedInNow')),
    );
    named(account);
  };
  currentAccount(name()).then(show, () => (status.textContent = t('accountOffline')));
  return card;
}
