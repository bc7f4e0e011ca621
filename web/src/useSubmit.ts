import { useState, type FormEvent } from 'react';

/**
 * A form's submit handler: `busy` while `action` runs (for disabling the button), and the error it threw, kept for
 * <ErrorNote>; `reset` runs first (to clear an earlier confirmation). A new submit clears the last error.
 *
 *   const { busy, error, onSubmit } = useSubmit(async () => { await api(…); setDone(t('…')); });
 *   <form onSubmit={onSubmit}>…<button disabled={busy}>…</button></form><ErrorNote error={error} />
 */
export function useSubmit(action: () => Promise<void>, reset?: () => void): { busy: boolean; error: Error | null; onSubmit(e?: FormEvent): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const onSubmit = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    reset?.();
    try {
      await action();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, onSubmit };
}
