// The peer an owner's team would otherwise build: React 19, TanStack Table (filter, sort) and
// TanStack Virtual, doing the member table's job on the same data, loaded the same way.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { loadAll } from '../../shared/load.js';

const ROW = 33;
const columns = ['userName', 'name', 'email', 'externalId', 'active', 'created', 'lastModified']
  .map(key => ({ accessorKey: key, header: key }));
const search = (row, _id, value) => row.original.search.includes(String(value).toLowerCase());
const markAfterPaint = name => requestAnimationFrame(() => performance.mark(name));

function App() {
  const [data, setData] = useState([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [sorting, setSorting] = useState([]);
  const marked = useRef({ first: false, all: false, done: false });

  useEffect(() => {
    loadAll(rows => setData(previous => previous.concat(rows)), () => { marked.current.done = true; setData(d => d.slice()); });
  }, []);
  useEffect(() => {
    if (data.length && !marked.current.first) { marked.current.first = true; markAfterPaint('scim-first-row'); }
    if (marked.current.done && !marked.current.all) { marked.current.all = true; markAfterPaint('scim-all-rows'); }
  }, [data]);

  const table = useReactTable({
    data, columns, state: { globalFilter, sorting },
    onGlobalFilterChange: setGlobalFilter, onSortingChange: setSorting, globalFilterFn: search,
    getCoreRowModel: getCoreRowModel(), getFilteredRowModel: getFilteredRowModel(), getSortedRowModel: getSortedRowModel(),
    getRowId: row => row.id,
  });
  const model = table.getRowModel().rows;
  const viewport = useRef(null);
  const virtualizer = useVirtualizer({ count: model.length, getScrollElement: () => viewport.current, estimateSize: () => ROW, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0].start : 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  return (
    <>
      <label>Filter <input id="filter" type="search" value={globalFilter} onChange={e => setGlobalFilter(e.target.value)} /></label>
      <span id="counts">{data.length} identities · {model.length} shown</span>
      <div id="viewport" ref={viewport}>
        <table>
          <thead>
            {table.getHeaderGroups().map(group => (
              <tr key={group.id}>
                {group.headers.map(h => (
                  <th key={h.id} onClick={h.column.getToggleSortingHandler()}>{flexRender(h.column.columnDef.header, h.getContext())}</th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            <tr className="spacer"><td colSpan={7} style={{ height: before }} /></tr>
            {items.map(item => {
              const row = model[item.index];
              return (
                <tr key={row.id}>
                  {row.getVisibleCells().map(cell => <td key={cell.id}>{String(cell.getValue())}</td>)}
                </tr>
              );
            })}
            <tr className="spacer"><td colSpan={7} style={{ height: after }} /></tr>
          </tbody>
        </table>
      </div>
    </>
  );
}

createRoot(document.getElementById('root')).render(<App />);
