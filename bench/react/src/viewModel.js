// What the table shows, as row positions: the rows whose search text contains the needle, in
// arrival order or sorted by a column. Results are kept, so rows appended while a filter is
// active are scanned once (not the whole list again), and a sort order is built once per count.
const identity = count => ({ length: count, at: i => i });
const listView = positions => ({ length: positions.length, at: i => positions[i] });

export function createViewModel(rows) {
  let hits = { needle: null, scanned: 0, positions: [] };
  let order = { column: null, count: -1, positions: null };

  function matches(needle, count) {
    if (hits.needle !== needle || hits.scanned > count) hits = { needle, scanned: 0, positions: [] };
    const positions = hits.positions;
    for (let i = hits.scanned; i < count; i++) if (rows[i].search.includes(needle)) positions.push(i);
    hits.scanned = count;
    return positions;
  }

  function sorted(column, count) {
    if (order.column !== column || order.count !== count) {
      const keys = rows.slice(0, count).map(r => r[column].toLowerCase());
      const positions = Uint32Array.from(keys.keys());
      positions.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
      order = { column, count, positions };
    }
    return order.positions;
  }

  /** The view for `needle` (already lower-cased and trimmed) and `sort` over the first `count` rows. */
  return function view(needle, sort, count) {
    if (!sort) return needle ? listView(matches(needle, count)) : identity(count);
    let positions = sorted(sort.column, count);
    if (sort.desc) positions = positions.slice().reverse();
    if (needle) {
      const keep = new Uint8Array(count);
      for (const i of matches(needle, count)) keep[i] = 1;
      positions = positions.filter(i => keep[i]);
    }
    return listView(positions);
  };
}
