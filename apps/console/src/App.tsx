// The console's shell: find out whether a session exists, then show the sign-in page or the signed-in workspace.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StaffProfile } from './api/shapes';
import { api } from './api/client';
import { isSessionLost } from './api/problem';
import { Header } from './components/Header';
import { Spinner } from './components/Spinner';
import { useI18n } from './i18n/I18nProvider';
import { NoticesPage } from './pages/notices/NoticesPage';
import { SignInPage, type SignInReason } from './pages/sign-in/SignInPage';
import { SessionContext, type Session } from './session';

type AppState =
  | { kind: 'checking' }
  | { kind: 'signedOut'; reason?: SignInReason }
  | { kind: 'signedIn'; staff: StaffProfile };

export function App() {
  const { t } = useI18n();
  const [state, setState] = useState<AppState>({ kind: 'checking' });

  useEffect(() => {
    let cancelled = false;
    api.staffMe().then(
      (staff) => !cancelled && setState({ kind: 'signedIn', staff }),
      (error: unknown) => {
        if (cancelled) return;
        // Without an answer we cannot know whether a session exists: offer the sign-in page and say why.
        setState({ kind: 'signedOut', reason: isSessionLost(error) ? undefined : { bootError: error } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const expire = useCallback(() => setState({ kind: 'signedOut', reason: 'expired' }), []);
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      // The session cookie may already be gone; anything else is worth a word but must not keep anyone signed in.
      if (!isSessionLost(error)) console.warn('sign-out failed', error);
    }
    setState({ kind: 'signedOut', reason: 'signedOut' });
  }, []);

  const session = useMemo<Session | null>(
    () => (state.kind === 'signedIn' ? { staff: state.staff, expire } : null),
    [state, expire],
  );

  if (state.kind === 'checking') {
    return (
      <div className="boot">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (state.kind === 'signedOut' || !session) {
    return (
      <SignInPage
        reason={state.kind === 'signedOut' ? state.reason : undefined}
        onSignedIn={(staff) => setState({ kind: 'signedIn', staff })}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header staff={session.staff} onSignOut={signOut} />
      <main id="main" className="main" tabIndex={-1}>
        <NoticesPage />
      </main>
    </SessionContext.Provider>
  );
}
