/**
 * Where case time comes from. Deadlines, event times and the scheduler all read one `Clock`, so tests drive a
 * `FakeClock` through days in milliseconds and the service runs on the system clock.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until told to move. */
export class FakeClock implements Clock {
  #now: number;
  constructor(start: number | string = '2026-01-05T09:00:00.000Z') {
    this.#now = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
  set(at: number | string): void {
    this.#now = typeof at === 'number' ? at : Date.parse(at);
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
