/**
 * The deadline scheduler the service runs: every `pollMs` it fires the deadlines that are due by its clock
 * (./escalation.ts), then delivers the outbox. Deadlines live in the store, so whatever came due while the
 * service was down fires on the first tick after a restart. Several nodes may run it: each deadline is claimed
 * under the case row's lock and fired once.
 *
 *   const scheduler = new CaseScheduler(deps, { pollMs: 1000 });
 *   scheduler.start(); … await scheduler.stop();
 *   await scheduler.tick(); // tests: one pass, now
 */
import { iso } from './clock.ts';
import { fireDeadline } from './escalation.ts';
import { deliverOutbox, fetchPost, type WebhookPost } from './outbox.ts';
import type { CaseDeps } from './settings.ts';

export interface SchedulerOptions {
  pollMs: number;
  /** Where failures go (the service's logger). */
  onError?: (err: unknown) => void;
  post?: WebhookPost;
}

export class CaseScheduler {
  #timer: NodeJS.Timeout | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  #busy = false;
  #delivering: Promise<unknown> = Promise.resolve();
  #stopped = false;

  constructor(
    private readonly deps: CaseDeps,
    private readonly options: SchedulerOptions,
  ) {}

  start(): void {
    if (this.#timer || this.#stopped) return;
    const run = () => {
      if (this.#busy) return; // a pass is under way; the next poll catches up
      this.tick().catch((err: unknown) => this.options.onError?.(err));
    };
    this.#timer = setInterval(run, this.options.pollMs);
    this.#timer.unref();
    run();
  }

  /** Asks for an outbox delivery soon (after a commit that queued notifications). */
  kick(): void {
    if (!this.deps.settings.webhookUrl || this.#stopped) return;
    setImmediate(() => {
      this.#deliver().catch((err: unknown) => this.options.onError?.(err));
    });
  }

  /**
   * One pass: fire everything due now, then deliver notifications; returns the number of deadlines fired.
   * Passes never overlap: a call during one runs right after it (so a test that moved its clock sees the move).
   */
  tick(): Promise<number> {
    const pass = this.#chain.then(() => this.#pass());
    this.#chain = pass.catch(() => undefined);
    return pass;
  }

  #deliver(): Promise<unknown> {
    this.#delivering = this.#delivering.then(() => deliverOutbox(this.deps, this.options.post ?? fetchPost)).catch((err: unknown) => this.options.onError?.(err));
    return this.#delivering;
  }

  async #pass(): Promise<number> {
    this.#busy = true;
    try {
      let fired = 0;
      for (;;) {
        const due = await this.deps.db
          .selectFrom('case_deadlines')
          .select(['id', 'case_id'])
          .where('state', '=', 'pending')
          .where('due_at', '<=', iso(this.deps.clock.now()))
          .orderBy('due_at')
          .orderBy('id')
          .limit(100)
          .execute();
        if (due.length === 0 || this.#stopped) break;
        let progressed = 0;
        for (const d of due) {
          if (this.#stopped) break;
          try {
            if (await fireDeadline(this.deps, d.id, d.case_id)) progressed += 1;
          } catch (err) {
            this.options.onError?.(err);
          }
        }
        fired += progressed;
        if (progressed === 0) break;
      }
      await this.#deliver();
      return fired;
    } finally {
      this.#busy = false;
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#chain;
    await this.#delivering;
  }
}
