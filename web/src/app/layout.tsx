import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSelect } from '../components/ui/language-select';
import { focusWhenPresent } from '../lib/focus';
import { formatDate } from '../lib/format';
import { useReturnLink } from '../lib/return-path';
import { SIGN_OUT } from '../features/session/api/sign-out';
import { useViewer } from '../features/session/components/use-viewer';
import { VerifyEmailBanner } from '../features/session/components/verify-email-banner';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { afterSessionChange } from '../lib/live';

/** The frame of every page: skip link, header with navigation, account and language, main landmark, footer. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const { viewer, isModerator, isAdmin, isOfficial } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut] = useMutation(SIGN_OUT);
  const signInLink = useReturnLink();
  const { pathname } = useLocation();
  // The back office uses a wide screen (tables, charts, side navigation); citizens' pages keep a reading width.
  const wide = /^\/(console|moderation|admin)(\/|$)/.test(pathname);
  // After moving to another page in the app (a link, signing in), focus goes to its heading, as a full page
  // load would start reading there; the first page of a visit keeps the browser's own start.
  const visited = useRef(false);
  useEffect(() => {
    if (!visited.current) {
      visited.current = true;
      return;
    }
    return focusWhenPresent('main h1');
  }, [pathname]);
  // Header, main and footer share one width, so their edges line up.
  const container = wide ? 'grid-container-widescreen' : 'grid-container';
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const close = () => setExpanded(false);
  // On phones the menu is a panel: focus goes into it, Escape closes it and focus returns to "Menu".
  useEffect(() => {
    if (!expanded) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setExpanded(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [expanded]);
  const link = (to: string, label: string) => (
    <NavLink key={to} to={to} className="usa-nav-link" end={to === '/'} onClick={close}>
      <span>{label}</span>
    </NavLink>
  );
  const items = [
    link('/', t('nav.home')),
    ...(viewer ? [link('/activity', t('nav.activity'))] : []),
    ...(viewer && viewer.memberships.length > 0 ? [link('/console', t('nav.console'))] : []),
    ...(isModerator || (isOfficial && viewer) ? [link('/moderation', t('nav.moderation'))] : []),
    ...(isAdmin ? [link('/admin', t('nav.admin'))] : []),
    ...(viewer
      ? [
          <button
            key="sign-out"
            type="button"
            className="usa-nav-link usa-button--unstyled"
            onClick={async () => {
              close();
              await signOut().catch(() => undefined);
              await afterSessionChange(client);
              navigate('/');
            }}
          >
            <span>{t('nav.signOut')}</span>
          </button>,
        ]
      : [link(signInLink, t('nav.signIn'))]),
  ];
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <div className="bg-base-lightest">
        <div className={`${container} display-flex flex-justify-end flex-align-center flex-wrap padding-y-05`}>
          {viewer ? (
            <>
              <NotificationBell />
              <p className="font-sans-2xs margin-y-0 margin-right-2">
                <Link to="/settings" className="display-inline-block padding-y-05">
                  {t('nav.signedInAs', { name: viewer.user.displayName })}
                </Link>
              </p>
            </>
          ) : null}
          <LanguageSelect />
        </div>
      </div>
      <div className={`usa-overlay ${expanded ? 'is-visible' : ''}`} />
      <header className="usa-header usa-header--basic">
        <div className={`usa-nav-container ${wide ? 'usa-nav-container--wide' : ''}`}>
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <Link to="/">{t('app.name')}</Link>
              </em>
            </div>
            <button
              ref={menuButton}
              type="button"
              className="usa-menu-btn"
              aria-expanded={expanded}
              aria-controls="primary-nav"
              onClick={() => setExpanded((open) => !open)}
            >
              {t('nav.menu')}
            </button>
          </div>
          <nav id="primary-nav" aria-label={t('app.primaryNav')} className={`usa-nav ${expanded ? 'is-visible' : ''}`}>
            <button
              ref={closeButton}
              type="button"
              className="usa-nav__close"
              onClick={() => {
                close();
                menuButton.current?.focus();
              }}
            >
              <span className="usa-sr-only">{t('nav.closeMenu')}</span>×
            </button>
            <ul className="usa-nav__primary usa-accordion">
              {items.map((item) => (
                <li key={item.key} className="usa-nav__primary-item">
                  {item}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main-content" tabIndex={-1}>
        <div className={`${container} padding-y-4`}>
          {viewer?.suspendedUntil ? (
            <div className="usa-alert usa-alert--warning usa-alert--slim margin-bottom-2">
              <div className="usa-alert__body">
                <p className="usa-alert__text">
                  {t('nav.suspended', {
                    reason: viewer.suspensionReason ?? '',
                    until: formatDate(viewer.suspendedUntil, i18n.resolvedLanguage ?? 'en', true),
                  })}
                </p>
              </div>
            </div>
          ) : null}
          {viewer && !viewer.emailVerified ? <VerifyEmailBanner email={viewer.email} /> : null}
          <Outlet />
        </div>
      </main>
      <footer className="usa-footer usa-footer--slim">
        <div className={`${container} padding-y-2`}>
          <p>{t('app.footer')}</p>
          <nav aria-label={t('app.footerNav')}>
            <ul className="usa-list usa-list--unstyled display-flex flex-wrap">
              {[
                ['/developers', t('developers.footerLink')],
                ...(viewer ? [['/settings', t('nav.settings')]] : []),
                ['/privacy', t('legal.PRIVACY')],
                ['/terms', t('legal.TERMS')],
                ['/accessibility', t('legal.ACCESSIBILITY')],
              ].map(([to, label]) => (
                <li key={to} className="margin-right-3 margin-bottom-1">
                  <Link to={to}>{label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
