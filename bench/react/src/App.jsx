import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { markAfterPaint, needleOf } from '../../shared/load.js';
import { Table } from './Table.jsx';
import { createViewModel } from './viewModel.js';

export function App({ store }) {
  const count = useSyncExternalStore(store.subscribe, store.count);
  const done = useSyncExternalStore(store.subscribe, store.isDone);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState(null);
  const [selected, setSelected] = useState(() => new Set());
  // The input stays urgent; filtering 100,000 rows renders behind it and can be interrupted.
  const needle = needleOf(useDeferredValue(query));
  const viewOf = useMemo(() => createViewModel(store.rows), [store]);
  const view = useMemo(() => viewOf(needle, sort, count), [viewOf, needle, sort, count]);

  const toggle = useCallback(id => setSelected(previous => {
    const next = new Set(previous);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  const onSort = useCallback(column => startTransition(() => setSort(s =>
    s?.column !== column ? { column, desc: false } : s.desc ? null : { column, desc: true })), []);

  const hasRows = count > 0;
  useEffect(() => { if (hasRows) markAfterPaint('scim-first-row'); }, [hasRows]);
  useEffect(() => { if (done) markAfterPaint('scim-all-rows'); }, [done]);

  return (
    <>
      <div className="bar">
        <label>Filter <input id="filter" type="search" value={query} onChange={e => setQuery(e.target.value)} /></label>
        <p id="counts" role="status">{count} identities · {view.length} shown · {selected.size} selected</p>
      </div>
      <Table rows={store.rows} view={view} selected={selected} onToggle={toggle} onSort={onSort} />
    </>
  );
}
