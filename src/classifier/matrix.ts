/** Many encoded texts stored row after row (compressed sparse rows), the form the learner reads. */
import type { FeatureHasher } from './features.ts';

/** Row r's features are indices/values[offsets[r], offsets[r + 1]). */
export interface FeatureMatrix {
  rows: number;
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Encodes every text with the hasher; `onRow` is told after each row (for progress bars). */
export function encodeTexts(hasher: FeatureHasher, texts: readonly string[], onRow?: (done: number) => void): FeatureMatrix {
  const offsets = new Int32Array(texts.length + 1);
  let capacity = Math.max(1024, texts.length * 128);
  let indices = new Int32Array(capacity);
  let values = new Float32Array(capacity);
  let used = 0;
  texts.forEach((text, r) => {
    const view = hasher.encode(text);
    if (used + view.length > capacity) {
      capacity = Math.max(capacity * 2, used + view.length);
      const grownIndices = new Int32Array(capacity);
      grownIndices.set(indices.subarray(0, used));
      const grownValues = new Float32Array(capacity);
      grownValues.set(values.subarray(0, used));
      indices = grownIndices;
      values = grownValues;
    }
    indices.set(view.indices.subarray(0, view.length), used);
    values.set(view.values.subarray(0, view.length), used);
    used += view.length;
    offsets[r + 1] = used;
    onRow?.(r + 1);
  });
  return { rows: texts.length, offsets, indices: indices.slice(0, used), values: values.slice(0, used) };
}

/** A new matrix holding the given rows of `matrix`, in the given order. */
export function selectRows(matrix: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const offsets = new Int32Array(rows.length + 1);
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    used += matrix.offsets[r + 1]! - matrix.offsets[r]!;
    offsets[i + 1] = used;
  }
  const indices = new Int32Array(used);
  const values = new Float32Array(used);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    indices.set(matrix.indices.subarray(matrix.offsets[r]!, matrix.offsets[r + 1]!), offsets[i]!);
    values.set(matrix.values.subarray(matrix.offsets[r]!, matrix.offsets[r + 1]!), offsets[i]!);
  }
  return { rows: rows.length, offsets, indices, values };
}
