// The loaded rows live outside React, in an append-only array: a batch is pushed onto it and
// subscribers are told, so React re-renders what depends on the count without copying rows.
export function createRowStore() {
  const rows = [];
  const listeners = new Set();
  let done = false;
  const emit = () => listeners.forEach(listener => listener());
  return {
    rows,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    count: () => rows.length,
    isDone: () => done,
    append(batch) {
      for (const row of batch) rows.push(row);
      emit();
    },
    finish() {
      done = true;
      emit();
    },
  };
}
