import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

const ROW = 33;
const COLUMNS = [
  ['userName', 'userName'], ['name', 'Display name'], ['email', 'Primary email'], ['externalId', 'externalId'],
  ['active', 'Active'], ['created', 'Created'], ['lastModified', 'Last modified'],
];

const Row = memo(function Row({ row, selected, onToggle }) {
  return (
    <tr>
      <td className="check">
        <input type="checkbox" aria-label={`Select ${row.userName}`} checked={selected} onChange={() => onToggle(row.id)} />
      </td>
      {COLUMNS.map(([key]) => <td key={key}>{row[key]}</td>)}
    </tr>
  );
});

/** Only the rows in view (plus overscan) are rendered, between two spacers. */
export function Table({ rows, view, selected, onToggle, onSort }) {
  const viewport = useRef(null);
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length ? items[0].start : 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div id="viewport" ref={viewport}>
      <table>
        <thead>
          <tr>
            <th className="check" />
            {COLUMNS.map(([key, title]) => <th key={key} onClick={() => onSort(key)}>{title}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr className="spacer"><td colSpan={8} style={{ height: before }} /></tr>
          {items.map(item => {
            const row = rows[view.at(item.index)];
            return <Row key={item.key} row={row} selected={selected.has(row.id)} onToggle={onToggle} />;
          })}
          <tr className="spacer"><td colSpan={8} style={{ height: after }} /></tr>
        </tbody>
      </table>
    </div>
  );
}
