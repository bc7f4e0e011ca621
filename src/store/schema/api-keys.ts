import type { Insertable, Selectable } from 'kysely';

/**
 * The roles an API key can carry. `admin` can do everything a moderator can, and manage keys and exports.
 * `investigator` reaches the case endpoints — as the employee the key is bound to (`employee_keys`), which is
 * what decides which cases it sees (docs/reporting.md); an admin key is held to the same binding there.
 */
export const ROLES = ['service', 'moderator', 'investigator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `api_keys`: one row per key. Only the SHA-256 of the key is stored (keys are 256-bit random values,
 * so a fast hash is enough); the key itself is shown once, when created.
 */
export interface ApiKeysTable {
  /** Public identifier, e.g. `key_3f9c…`; recorded as the actor of decisions. */
  id: string;
  /** Hex SHA-256 of the whole key. */
  hash: string;
  role: Role;
  name: string | null;
  created_at: string;
  /** ISO time the key stopped working; null while valid. */
  revoked_at: string | null;
}

export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKey = Insertable<ApiKeysTable>;
