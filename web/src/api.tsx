/**
 * The console's only door to the service: `api(path, { method, body })` sends JSON with the staff member's API
 * key (kept in sessionStorage, so it dies with the tab) and turns the service's `{ error: { code, message } }`
 * into an `ApiError`. Reporters never hold a key: their pages pass the receipt header themselves.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the stored API key (default true when there is one). */
  auth?: boolean;
}

const KEY_STORAGE = 'haven.apiKey';

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const key = options.auth === false ? null : storedKey();
  if (key) headers.authorization = `Bearer ${key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(path, { method: options.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) {
    const err = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? (text.slice(0, 200) || res.statusText));
  }
  return parsed as T;
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface Session {
  key: string | null;
  role: string | null;
  keyId: string | null;
  logIn(key: string): Promise<{ role: string; keyId: string }>;
  logOut(): void;
}

/**
 * Checks a key with GET /v1/whoami. A 403 there still proves the key valid: the route admits only some roles
 * (investigator keys are refused), and the error names the key's role.
 */
async function whoami(key: string): Promise<{ keyId: string; role: string }> {
  try {
    return await api<{ keyId: string; role: string }>('/v1/whoami', { auth: false, headers: { authorization: `Bearer ${key}` } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) {
      const role = /this key is (\w+)/.exec(err.message)?.[1] ?? 'investigator';
      return { keyId: '—', role };
    }
    throw err;
  }
}

const SessionContext = createContext<Session | null>(null);
const ROLE_STORAGE = 'haven.role';
const ID_STORAGE = 'haven.keyId';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [key, setKey] = useState<string | null>(storedKey);
  const [role, setRole] = useState<string | null>(() => sessionStorage.getItem(ROLE_STORAGE));
  const [keyId, setKeyId] = useState<string | null>(() => sessionStorage.getItem(ID_STORAGE));

  const logOut = useCallback(() => {
    sessionStorage.removeItem(KEY_STORAGE);
    sessionStorage.removeItem(ROLE_STORAGE);
    sessionStorage.removeItem(ID_STORAGE);
    setKey(null);
    setRole(null);
    setKeyId(null);
  }, []);

  const logIn = useCallback(async (candidate: string) => {
    const trimmed = candidate.trim();
    const who = await whoami(trimmed);
    sessionStorage.setItem(KEY_STORAGE, trimmed);
    sessionStorage.setItem(ROLE_STORAGE, who.role);
    sessionStorage.setItem(ID_STORAGE, who.keyId);
    setKey(trimmed);
    setRole(who.role);
    setKeyId(who.keyId);
    return who;
  }, []);

  // A key revoked while the tab was open: the next 401 logs out.
  useEffect(() => {
    const onUnauthorized = () => logOut();
    window.addEventListener('haven:unauthorized', onUnauthorized);
    return () => window.removeEventListener('haven:unauthorized', onUnauthorized);
  }, [logOut]);

  const value = useMemo<Session>(() => ({ key, role, keyId, logIn, logOut }), [key, role, keyId, logIn, logOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | Error | null;
  loading: boolean;
  reload(): void;
}

/** Loads `path` (null: nothing to load) and reloads when it changes or `reload()` is called. */
export function useApi<T>(path: string | null, options: ApiOptions = {}): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | Error | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  const optionsKey = JSON.stringify(options);
  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, JSON.parse(optionsKey) as ApiOptions).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: Error) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401 && storedKey()) window.dispatchEvent(new Event('haven:unauthorized'));
        setState({ data: null, error, loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [path, optionsKey, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
