import { GridContainer, Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSelect } from '../components/ui/language-select';

/** The frame of every page: skip link, header with navigation and language, main landmark, footer. */
export function Layout() {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const items = [
    <NavLink key="home" to="/" className="usa-nav-link" end onClick={() => setExpanded(false)}>
      {t('nav.home')}
    </NavLink>,
  ];
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <div className={`usa-overlay ${expanded ? 'is-visible' : ''}`} />
      <Header basic>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link to="/">{t('app.name')}</Link>
            </Title>
            <NavMenuButton onClick={() => setExpanded((open) => !open)} label="Menu" />
          </div>
          <PrimaryNav
            items={items}
            mobileExpanded={expanded}
            onToggleMobileNav={() => setExpanded((open) => !open)}
            aria-label={t('app.primaryNav')}
          >
            <LanguageSelect />
          </PrimaryNav>
        </div>
      </Header>
      <main id="main-content" tabIndex={-1}>
        <GridContainer className="padding-y-4">
          <Outlet />
        </GridContainer>
      </main>
      <footer className="usa-footer usa-footer--slim">
        <GridContainer className="padding-y-2">
          <p>{t('app.footer')}</p>
        </GridContainer>
      </footer>
    </>
  );
}
