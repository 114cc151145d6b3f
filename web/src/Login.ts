import { html } from 'htm/preact';
import { useState } from 'preact/hooks';

import { call } from './api.ts';

/** The login form: one password, then the session cookie and the page's CSRF token. */
export function Login({ onLoggedIn }: { onLoggedIn: (csrf: string) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const r = await call<{ csrf: string }>('POST', '/login', { password });
      onLoggedIn(r.csrf);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return html`<main class="login">
    <form onSubmit=${submit} class="card">
      <img src="icon.svg" alt="" width="64" height="64" />
      <h1>D' Fake Seeder</h1>
      <label for="password">Password</label>
      <input
        id="password"
        type="password"
        autocomplete="current-password"
        value=${password}
        onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)}
        required
      />
      ${error && html`<p class="error" role="alert">${error}</p>`}
      <button type="submit" class="primary" disabled=${busy}>${busy ? 'Checking…' : 'Log in'}</button>
    </form>
  </main>`;
}
