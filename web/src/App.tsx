/**
 * The shell: skip link, header with navigation and the language toggle, and a hash router (`#/queue`,
 * `#/cases/<id>`), so the service serves one index.html and every page is a link that survives reload.
 */
import { useEffect, useRef, useState } from 'react';
import { useSession } from './api.tsx';
import { useI18n, type MessageKey } from './i18n.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { QueuePage } from './pages/QueuePage.tsx';
import { RaidsPage } from './pages/RaidsPage.tsx';
import { ReceiptPage } from './pages/ReceiptPage.tsx';
import { ReportPage } from './pages/ReportPage.tsx';
import { TryPage } from './pages/TryPage.tsx';

function currentRoute(): string[] {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

const STAFF_NAV: Array<[string, MessageKey]> = [
  ['try', 'nav.try'],
  ['queue', 'nav.queue'],
  ['raids', 'nav.raids'],
  ['cases', 'nav.cases'],
];
const REPORTER_NAV: Array<[string, MessageKey]> = [
  ['report', 'nav.report'],
  ['receipt', 'nav.receipt'],
];

export function App() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const page = route[0] ?? '';

  // Move focus to the page on navigation, so keyboard and screen-reader users start at the new content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [route.join('/')]);

  let content;
  switch (page) {
    case '':
      content = <HomePage />;
      break;
    case 'login':
      content = <LoginPage />;
      break;
    case 'try':
      content = <TryPage />;
      break;
    case 'queue':
      content = <QueuePage />;
      break;
    case 'raids':
      content = <RaidsPage />;
      break;
    case 'cases':
      content = route[1] ? <CasePage caseId={route[1]} /> : <CasesPage />;
      break;
    case 'report':
      content = <ReportPage />;
      break;
    case 'receipt':
      content = <ReceiptPage />;
      break;
    default:
      content = <HomePage />;
  }

  const link = (path: string, key: MessageKey) => (
    <li key={path}>
      <a href={`#/${path}`} aria-current={page === path ? 'page' : undefined}>
        {t(key)}
      </a>
    </li>
  );

  return (
    <>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('app.skip')}
      </a>
      <header className="top">
        <a className="brand" href="#/">
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.label')}>
          <ul>
            {STAFF_NAV.map(([p, k]) => link(p, k))}
            <li className="sep" aria-hidden="true" />
            {REPORTER_NAV.map(([p, k]) => link(p, k))}
          </ul>
        </nav>
        <div className="session">
          {session.key ? (
            <>
              <span data-testid="session-role">{t('login.as', { role: session.role ?? '?' })}</span>
              <button type="button" onClick={session.logOut}>
                {t('nav.logout')}
              </button>
            </>
          ) : (
            <a href="#/login">{t('nav.login')}</a>
          )}
          <button type="button" lang={lang === 'en' ? 'zh-CN' : 'en'} aria-label={t('lang.toggleLabel')} onClick={() => setLang(lang === 'en' ? 'zh' : 'en')} data-testid="lang-toggle">
            {t('lang.toggle')}
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {content}
      </main>
    </>
  );
}
