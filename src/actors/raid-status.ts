/**
 * A raid's states: one transition table and one pure function. `raids.status` is only ever written with what
 * `nextRaidStatus` returns, in the same transaction as the `raid_events` row that caused it.
 *
 *   detected ──hold-all──▶ held ──suspend-all──▶ suspended
 *      │  └──suspend-all──────────────────────────▲    │
 *      └──dismiss──▶ dismissed ◀──dismiss── held, suspended (a dismissal lifts what the raid imposed)
 */
export const RAID_STATUSES = ['detected', 'held', 'suspended', 'dismissed'] as const;
export type RaidStatus = (typeof RAID_STATUSES)[number];

export const RAID_ACTIONS = ['hold-all', 'suspend-all', 'dismiss'] as const;
/** `hold-all`: every member's messages are held, anywhere. `suspend-all`: every member suspended. `dismiss`: a false alarm — shield lifted, raid sanctions lifted. */
export type RaidAction = (typeof RAID_ACTIONS)[number];

export const RAID_TRANSITIONS: Readonly<Record<RaidStatus, Partial<Record<RaidAction, RaidStatus>>>> = {
  detected: { 'hold-all': 'held', 'suspend-all': 'suspended', dismiss: 'dismissed' },
  held: { 'suspend-all': 'suspended', dismiss: 'dismissed' },
  suspended: { dismiss: 'dismissed' },
  dismissed: {},
};

const ALREADY: Record<RaidAction, RaidStatus> = { 'hold-all': 'held', 'suspend-all': 'suspended', dismiss: 'dismissed' };

/** A refused state change of a raid, a shield or a sanction; `reason` becomes the HTTP error code at the boundary. */
export class ActorTransitionError extends Error {
  constructor(
    readonly reason: 'already_in_state' | 'illegal_transition',
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ActorTransitionError';
  }
}

export function nextRaidStatus(from: RaidStatus, action: RaidAction): RaidStatus {
  const to = RAID_TRANSITIONS[from][action];
  if (to) return to;
  if (ALREADY[action] === from) throw new ActorTransitionError('already_in_state', `the raid is already ${from}`, 'action');
  throw new ActorTransitionError('illegal_transition', `cannot ${action} a raid that is ${from}`, 'action');
}
