// The console's shell: find out whether a session exists, then show the sign-in page or the signed-in workspace.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StaffProfile } from './api/shapes';
import { api } from './api/client';
import { isSessionLost } from './api/problem';
import { useRealtime } from './api/useRealtime';
import { Header } from './components/Header';
import { Spinner } from './components/Spinner';
import { useI18n } from './i18n/I18nProvider';
import { pageFromHash, pagesFor, type PageId } from './navigation';
import { CallCentrePage } from './pages/calls/CallCentrePage';
import { NoticesPage } from './pages/notices/NoticesPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { EServicesPage } from './pages/eservices/EServicesPage';
// appointments
import { AgendaPage } from './pages/agenda/AgendaPage';
import { ModerationPage } from './pages/moderation/ModerationPage';
import { HelpingPage } from './pages/helping/HelpingPage';
import { SignInPage, type SignInReason } from './pages/sign-in/SignInPage';
import { SessionContext, followProfile, type ProfileFollower, type Session } from './session';

type AppState = { kind: 'checking' } | { kind: 'signedOut'; reason?: SignInReason } | { kind: 'signedIn'; staff: StaffProfile };

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

  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const session = useMemo<Session | null>(() => (state.kind === 'signedIn' ? { staff: state.staff, expire } : null), [state, expire]);
  const shownStaff = useRef<StaffProfile | null>(null);
  shownStaff.current = state.kind === 'signedIn' ? state.staff : null;
  const profile = useMemo(
    () =>
      followProfile(
        () => api.staffMe(),
        () => shownStaff.current,
        (staff) => setState((current) => (current.kind === 'signedIn' ? { kind: 'signedIn', staff } : current)),
        expire,
      ),
    [expire],
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
      <Workspace staff={session.staff} hash={hash} profile={profile} onSignOut={signOut} />
    </SessionContext.Provider>
  );
}

function Workspace({
  staff,
  hash,
  profile,
  onSignOut,
}: {
  staff: StaffProfile;
  hash: string;
  profile: ProfileFollower;
  onSignOut: () => Promise<void>;
}) {
  const pages = pagesFor(staff.roles, staff.organisation.kind, staff);
  const page: PageId = pageFromHash(hash, staff.roles, staff.organisation.kind, staff);
  return (
    <>
      {/* Until a tenant names them helper, "Personnes que j'aide" may yet join the menu: hear it (see ProfileWatch). */}
      {!pages.includes('helping') && <ProfileWatch profile={profile} />}
      <Header staff={staff} pages={pages} current={page} onSignOut={onSignOut} />
      <main id="main" className="main" tabIndex={-1}>
        {/* The call-centre stays mounted while the agent reads notices: a call in progress must not drop. */}
        {pages.includes('calls') && (
          <div hidden={page !== 'calls'}>
            <CallCentrePage />
          </div>
        )}
        {page === 'notices' && <NoticesPage />}
        {page === 'reports' && <ReportsPage />}
        {page === 'eservices' && <EServicesPage />}
        {page === 'agenda' && <AgendaPage />}
        {page === 'moderation' && <ModerationPage />}
        {page === 'helping' && <HelpingPage />}
      </main>
    </>
  );
}

/**
 * A socket of the session's own, open only while the member lacks "Personnes que j'aide" (never for a social worker;
 * closed for good once named, since `helpsTenants` stays true after a withdrawal): the pages keep their one socket
 * each and need not know about the menu, and no page is left deaf (the e-service forms tab has no socket).
 */
function ProfileWatch({ profile }: { profile: ProfileFollower }) {
  useRealtime(profile.onEvent, profile.onLive);
  return null;
}
