// The sign-in page: email and password for a staff session cookie; every failure is said next to the form.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { StaffProfile } from '../../api/shapes';
import { api } from '../../api/client';
import { problemOf, problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { LanguagePicker } from '../../components/Header';
import { useI18n } from '../../i18n/I18nProvider';

export type SignInReason = 'expired' | 'signedOut' | { bootError: unknown } | undefined;

export function SignInPage({ onSignedIn, reason }: { onSignedIn: (staff: StaffProfile) => void; reason?: SignInReason }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(reason && typeof reason === 'object' ? reason.bootError : undefined);
  const [missing, setMissing] = useState(false);
  const [retryAt, setRetryAt] = useState<number | undefined>();
  const [now, setNow] = useState(() => Date.now());
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // While rate limited, count down to the moment a new attempt is allowed.
  useEffect(() => {
    if (retryAt === undefined) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) {
        setRetryAt(undefined);
        setError(undefined);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending || retryAt !== undefined) return;
    if (!email.trim() || !password) {
      setMissing(true);
      setError(undefined);
      (email.trim() ? passwordRef : emailRef).current?.focus();
      return;
    }
    setMissing(false);
    setSending(true);
    setError(undefined);
    try {
      const staff = await api.signIn({ email: email.trim(), password });
      onSignedIn(staff);
    } catch (caught) {
      setError(caught);
      const problem = problemOf(caught);
      if (problem?.code === 'rate_limited' && problem.retryAfterSeconds) {
        setNow(Date.now());
        setRetryAt(Date.now() + problem.retryAfterSeconds * 1000);
      }
      if (problem?.code === 'invalid_credentials') {
        setPassword('');
        passwordRef.current?.focus();
      }
    } finally {
      setSending(false);
    }
  };

  let message: string | undefined;
  if (missing) message = t('signIn.missingFields');
  else if (retryAt !== undefined) message = t('problem.rateLimitedFor', { seconds: Math.max(1, Math.ceil((retryAt - now) / 1000)) });
  else if (error !== undefined) message = problemText(error, t);
  const credentialsWrong = problemOf(error)?.code === 'invalid_credentials';

  return (
    <div className="signin">
      <div className="signin__language">
        <LanguagePicker />
      </div>
      <main id="main" className="signin__card" aria-labelledby="signin-title">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <h1 id="signin-title" className="signin__title">
          {t('signIn.title')}
        </h1>
        <p className="signin__intro">{t('signIn.intro')}</p>
        {reason === 'expired' && !message && <Alert tone="info">{t('signIn.sessionExpired')}</Alert>}
        {reason === 'signedOut' && !message && <Alert tone="info">{t('signIn.signedOut')}</Alert>}
        {message && (
          <Alert tone="error" testId="signin-error" id="signin-error">
            {message}
          </Alert>
        )}
        <form className="form" onSubmit={submit} noValidate aria-describedby={message ? 'signin-error' : undefined}>
          <div className={credentialsWrong || (missing && !email.trim()) ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor="signin-email">
              {t('signIn.email')}
            </label>
            <input
              ref={emailRef}
              id="signin-email"
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={credentialsWrong || (missing && !email.trim()) || undefined}
            />
          </div>
          <div className={credentialsWrong || (missing && !password) ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor="signin-password">
              {t('signIn.password')}
            </label>
            <input
              ref={passwordRef}
              id="signin-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={credentialsWrong || (missing && !password) || undefined}
            />
          </div>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={sending || retryAt !== undefined}
            aria-busy={sending || undefined}
          >
            {sending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
