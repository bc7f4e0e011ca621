/**
 * A progress bar on stderr for training and evaluation. On a terminal it redraws one line; elsewhere (CI
 * logs, pipes) it prints a line at every tenth so logs stay short. stdout is never touched.
 */

/** Something that can be told how far a stage has come. */
export interface Progress {
  /** Starts a named stage of `total` steps. */
  stage(label: string, total: number): void;
  /** Reports that `done` of the current stage's steps are finished. */
  update(done: number): void;
  /** Ends the current stage. */
  end(): void;
}

/** A progress reporter that says nothing (for tests and library use). */
export const silentProgress: Progress = { stage() {}, update() {}, end() {} };

const WIDTH = 28;

/** A progress bar writing to the given stream (stderr by default). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = stream.isTTY === true;
  let label = '';
  let total = 1;
  let lastDrawn = -1;
  const draw = (done: number): void => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const step = live ? Math.floor(share * 200) : Math.floor(share * 10);
    if (step === lastDrawn) return;
    lastDrawn = step;
    const filled = Math.round(share * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    const line = `${label.padEnd(24)} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total}`;
    stream.write(live ? `\r${line}` : `${line}\n`);
  };
  return {
    stage(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      lastDrawn = -1;
      draw(0);
    },
    update(done) {
      draw(done);
    },
    end() {
      draw(total);
      if (live) stream.write('\n');
    },
  };
}
