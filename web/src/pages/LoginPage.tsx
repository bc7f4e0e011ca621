import { useId, useState } from 'react';
import { useSession } from '../api.tsx';
import { ErrorNote, Status } from '../components/common.tsx';
import { useI18n } from '../i18n.tsx';
import { useSubmit } from '../useSubmit.ts';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const [key, setKey] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const id = useId();

  const { busy, error, onSubmit: submit } = useSubmit(async () => {
    const who = await session.logIn(key);
    setKey('');
    setDone(t('login.ok', { role: who.role, id: who.keyId }));
  }, () => setDone(null));

  return (
    <>
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} className="stack narrow">
        <label htmlFor={`${id}-key`}>{t('login.key')}</label>
        <input id={`${id}-key`} name="apiKey" type="password" autoComplete="off" required value={key} onChange={(e) => setKey(e.target.value)} aria-describedby={`${id}-hint`} />
        <p id={`${id}-hint`} className="hint">
          {t('login.keyHint')}
        </p>
        <button type="submit" disabled={busy}>
          {busy ? t('login.checking') : t('login.submit')}
        </button>
      </form>
      <ErrorNote error={error} />
      <Status message={done} />
    </>
  );
}
