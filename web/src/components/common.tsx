/** Small pieces every page uses: an error line, a login gate, a status line read out by screen readers. */
import type { ReactNode } from 'react';
import { ApiError, useSession } from '../api.tsx';
import { useI18n } from '../i18n.tsx';

export function ErrorNote({ error }: { error: Error | null }) {
  const { t } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError && ((error.status === 404 && error.message.startsWith('no route')) || error.status === 405)) {
    return (
      <p className="error" role="alert">
        {t('common.notAvailable', { status: error.status })}
      </p>
    );
  }
  return (
    <p className="error" role="alert">
      {t('common.error', { message: error instanceof ApiError ? `${error.message} (${error.code})` : error.message })}
    </p>
  );
}

/** Renders children only with an API key; otherwise points to the login page. */
export function RequireKey({ children }: { children: ReactNode }) {
  const { key } = useSession();
  const { t } = useI18n();
  if (!key) {
    return (
      <p className="notice">
        {t('login.needed')} <a href="#/login">{t('nav.login')}</a>
      </p>
    );
  }
  return <>{children}</>;
}

/** A page that needs a key: its title (after `before`, e.g. a back link), then its content or a link to log in. */
export function KeyedPage({ title, before, children }: { title: string; before?: ReactNode; children: ReactNode }) {
  return (
    <>
      {before}
      <h1>{title}</h1>
      <RequireKey>{children}</RequireKey>
    </>
  );
}

/** A polite live region: decisions and sends are announced without moving focus. */
export function Status({ message }: { message: string | null }) {
  return (
    <p className="status" role="status" aria-live="polite">
      {message ?? ''}
    </p>
  );
}
