/**
 * `haven train [--data PATH] [--out DIR] [--seed N] …`: trains the classifier on COLD, SWSR and Davidson,
 * writes DIR/haven.model and DIR/haven.card.json, with a progress bar on stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DatasetMissingError, resolveDataRoot } from '../../classifier/datasets.ts';
import { progressBar } from '../../classifier/progress.ts';
import { DEFAULT_PLAN, trainFromFolder, type TrainingPlan } from '../../classifier/training.ts';

interface TrainFlags {
  data?: string;
  out: string;
  seed: string;
  epochs: string;
  bits: string;
  charMax: string;
  hanWords: string;
  scaling: string;
  latinCharMin?: string;
  folds: string;
  lexicons: boolean;
}

function integerFlag(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got "${value}"`);
  return n;
}

/** Registers `haven train`. */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Train the text classifier on COLD, SWSR and Davidson; write the model and its card')
    .option('--data <path>', 'datasets folder (default: $HAVEN_DATA or ../shared/datasets)')
    .option('--out <dir>', 'output folder', 'models')
    .option('--seed <n>', 'seed for splits and training order', String(DEFAULT_PLAN.seed))
    .option('--epochs <n>', 'passes over each training split', String(DEFAULT_PLAN.learn.epochs))
    .option('--bits <n>', 'log2 of the hash table size', String(DEFAULT_PLAN.spec.bucketBits))
    .option('--char-max <n>', 'longest character n-gram', String(DEFAULT_PLAN.spec.charMax))
    .option('--han-words <mode>', 'Chinese word features: jieba or none', DEFAULT_PLAN.spec.hanWords)
    .option('--scaling <mode>', 'n-gram values: sqrt-count (counts / √n-grams, scored in one pass) or log-l2 (1 + ln count, unit length)', DEFAULT_PLAN.spec.scaling)
    .option('--latin-char-min <n>', 'shortest character n-gram without a Han character (default: the shortest n-gram, 1)')
    .option('--folds <n>', 'tune thresholds on out-of-fold scores of N folds over train+tune (0: on the tune split)', String(DEFAULT_PLAN.thresholdFolds))
    .option('--no-lexicons', 'leave out the lexicon-hit features (SexHateLex, Davidson hate n-grams)')
    .action((flags: TrainFlags) => {
      if (flags.hanWords !== 'jieba' && flags.hanWords !== 'none') {
        throw new Error(`--han-words must be "jieba" or "none", got "${flags.hanWords}"`);
      }
      if (flags.scaling !== 'sqrt-count' && flags.scaling !== 'log-l2') {
        throw new Error(`--scaling must be "sqrt-count" or "log-l2", got "${flags.scaling}"`);
      }
      const plan: TrainingPlan = {
        seed: integerFlag('seed', flags.seed),
        spec: {
          ...DEFAULT_PLAN.spec,
          bucketBits: integerFlag('bits', flags.bits),
          charMax: integerFlag('char-max', flags.charMax),
          hanWords: flags.hanWords,
          scaling: flags.scaling,
          ...(flags.latinCharMin !== undefined ? { latinCharMin: integerFlag('latin-char-min', flags.latinCharMin) } : {}),
        },
        learn: { ...DEFAULT_PLAN.learn, epochs: integerFlag('epochs', flags.epochs) },
        refit: DEFAULT_PLAN.refit,
        thresholdFolds: integerFlag('folds', flags.folds),
        lexicons: flags.lexicons ? DEFAULT_PLAN.lexicons : [],
      };
      const root = resolveDataRoot(flags.data, process.env);
      const started = performance.now();
      let result;
      try {
        result = trainFromFolder(root, plan, progressBar());
      } catch (error) {
        if (error instanceof DatasetMissingError) {
          process.stderr.write(`haven train: ${error.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw error;
      }
      const seconds = (performance.now() - started) / 1000;
      mkdirSync(flags.out, { recursive: true });
      const modelPath = join(flags.out, 'haven.model');
      const cardPath = join(flags.out, 'haven.card.json');
      writeFileSync(modelPath, result.bytes);
      writeFileSync(cardPath, `${JSON.stringify(result.model.card, null, 2)}\n`);
      const { cold, swsr, davidson } = result.model.card.test;
      process.stderr.write(
        [
          `trained in ${seconds.toFixed(1)} s → ${modelPath} (${(result.bytes.length / 1e6).toFixed(2)} MB), ${cardPath}`,
          `test macro-F1: cold ${cold.macro_f1.toFixed(4)} · swsr ${swsr.macro_f1.toFixed(4)} · davidson ${davidson.macro_f1.toFixed(4)}` +
            ` (3-class ${davidson.three_class_macro_f1.toFixed(4)}, hate F1 ${davidson.hate_f1.toFixed(4)})`,
          `validation macro-F1 (out-of-fold or tune split, at each head's threshold): ${result.model.card.heads
            .map((h) => `${h.name} ${h.validation_macro_f1?.toFixed(4) ?? '?'}`)
            .join(' · ')}`,
          '',
        ].join('\n'),
      );
    });
}
