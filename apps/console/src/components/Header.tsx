// The top bar: product name, navigation, language, and who is signed in with the way out.
import { useState } from 'react';
import type { StaffProfile } from '../api/shapes';
import { useI18n } from '../i18n/I18nProvider';
import { languages, type Language } from '../i18n/catalogue';
import type { PageId } from '../navigation';

export function Header({
  staff,
  pages,
  current,
  onSignOut,
}: {
  staff: StaffProfile;
  pages: readonly PageId[];
  current: PageId;
  onSignOut: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);
  const roles = staff.roles.map((role) => t(`role.${role}`)).join(', ');

  const signOut = async () => {
    setSigningOut(true);
    try {
      await onSignOut();
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <header className="topbar">
      <div className="topbar__inner">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__product">{t('app.product')}</span>
        </div>
        <nav className="nav" aria-label={t('nav.label')}>
          {pages.map((page) => (
            <a
              key={page}
              className="nav__link"
              href={`#${page}`}
              aria-current={page === current ? 'page' : undefined}
              data-testid={`nav-${page}`}
            >
              {t(`nav.${page}`)}
            </a>
          ))}
        </nav>
        <div className="topbar__end">
          <LanguagePicker />
          <div className="who" data-testid="staff-identity" aria-label={t('header.signedInAs')}>
            <span className="who__name" data-testid="staff-name">
              {staff.fullName}
            </span>
            <span className="who__meta">
              {staff.organisation.name} · {roles}
            </span>
          </div>
          <button type="button" className="button button--ghost" onClick={signOut} disabled={signingOut}>
            {signingOut ? t('header.signingOut') : t('header.signOut')}
          </button>
        </div>
      </div>
    </header>
  );
}

export function LanguagePicker() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        className="language__select"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
        data-testid="language"
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
