/**
 * API-key authentication and the role check. Every route declares the roles it admits (`admin` is
 * admitted everywhere); `authenticate` resolves `Authorization: Bearer <key>` to a principal, with a short
 * cache so a hot key costs one SHA-256 per request, not one query.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findKeyByHash, hashKey } from '../store/keys.ts';
import type { Database, Role } from '../store/schema/index.ts';
import { HttpError } from './errors.ts';

/** Who is calling. */
export interface Principal {
  keyId: string;
  role: Role;
}

/** Roles a route admits, or `public` for no key at all. */
export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` on every non-public route. */
    principal: Principal | null;
  }
}

/** True when `role` may use a route that admits `roles`. Admin may use everything. */
export function roleAllows(roles: readonly Role[], role: Role): boolean {
  return role === 'admin' || roles.includes(role);
}

/** Throws 403 unless the principal's role is admitted. */
export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roleAllows(roles, principal.role)) {
    throw new HttpError('forbidden', `this route needs a ${[...roles, 'admin'].join(' or ')} key; this key is ${principal.role}`);
  }
}

/** Hex SHA-256 of the presented bearer key, or null when there is none. Memoized per request. */
const presentedHashes = new WeakMap<FastifyRequest, string | null>();
export function presentedKeyHash(request: FastifyRequest): string | null {
  const cached = presentedHashes.get(request);
  if (cached !== undefined) return cached;
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const hash = match ? hashKey(match[1]!) : null;
  presentedHashes.set(request, hash);
  return hash;
}

export interface KeyResolverOptions {
  /** How long a looked-up key (or a miss) is trusted before the database is asked again. */
  cacheMs?: number;
  maxEntries?: number;
}

/** Resolves key hashes to principals, caching hits and misses for `cacheMs` (revocation takes effect within it). */
export class KeyResolver {
  readonly #cache = new Map<string, { principal: Principal | null; expires: number }>();
  readonly #cacheMs: number;
  readonly #maxEntries: number;

  constructor(
    private readonly db: Kysely<Database>,
    options: KeyResolverOptions = {},
  ) {
    this.#cacheMs = options.cacheMs ?? 5_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  async resolve(hash: string): Promise<Principal | null> {
    const now = Date.now();
    const hit = this.#cache.get(hash);
    if (hit && hit.expires > now) return hit.principal;
    const row = await findKeyByHash(this.db, hash);
    const principal = row ? { keyId: row.id, role: row.role } : null;
    if (this.#cache.size >= this.#maxEntries) this.#cache.clear();
    this.#cache.set(hash, { principal, expires: now + this.#cacheMs });
    return principal;
  }
}

/** 401 without a valid key; 403 when the key's role is not admitted. */
export async function authenticate(request: FastifyRequest, resolver: KeyResolver, roles: readonly Role[]): Promise<Principal> {
  const hash = presentedKeyHash(request);
  if (!hash) throw new HttpError('unauthorized', 'missing API key: send `Authorization: Bearer <key>`');
  const principal = await resolver.resolve(hash);
  if (!principal) throw new HttpError('unauthorized', 'invalid or revoked API key');
  requireRole(principal, roles);
  return principal;
}
