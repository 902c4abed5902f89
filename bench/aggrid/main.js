// The grid teams reach for: AG Grid Community, client-side row model fed by transactions (the
// first page applied at once, the rest with applyTransactionAsync, as AG Grid advises for
// streaming data), its Quick Filter with the cache on (as its docs advise for speed), its own
// row virtualization, row animation off.
// Themed with AG Grid's CSS files ('legacy' theme) because the site's Content-Security-Policy
// allows no inline styles, which the Theming API injects.
import {
  ClientSideRowModelApiModule, ClientSideRowModelModule, ModuleRegistry, QuickFilterModule,
  RowApiModule, RowSelectionModule, createGrid,
} from 'ag-grid-community';
import 'ag-grid-community/styles/ag-grid.min.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.min.css';
import { loadAll, markAfterPaint } from '../shared/load.js';
import '../shared/table.css';

ModuleRegistry.registerModules([ClientSideRowModelModule, ClientSideRowModelApiModule, RowApiModule, QuickFilterModule, RowSelectionModule]);

// The Quick Filter searches what the console's filter searches: userName, name, email, externalId.
const notSearched = () => null;
const columnDefs = [
  { field: 'userName', headerName: 'userName', flex: 24 },
  { field: 'name', headerName: 'Display name', flex: 17 },
  { field: 'email', headerName: 'Primary email', flex: 17 },
  { field: 'externalId', headerName: 'externalId', flex: 20 },
  { field: 'active', headerName: 'Active', width: 120, getQuickFilterText: notSearched },
  { field: 'created', headerName: 'Created', width: 142, getQuickFilterText: notSearched },
  { field: 'lastModified', headerName: 'Last modified', width: 142, getQuickFilterText: notSearched },
];

const counts = document.getElementById('counts');
let loaded = 0; // rows handed to the grid
const showCounts = grid => {
  counts.textContent = `${loaded} identities · ${grid.getDisplayedRowCount()} shown · ${grid.getSelectedRows().length} selected`;
};

const api = createGrid(document.getElementById('grid'), {
  theme: 'legacy',
  columnDefs,
  rowHeight: 33,
  headerHeight: 33,
  getRowId: ({ data }) => data.id,
  // The header checkbox selects what is shown, as the console's "Select all shown" does.
  rowSelection: { mode: 'multiRow', checkboxes: true, headerCheckbox: true, selectAll: 'filtered', enableClickSelection: false },
  cacheQuickFilter: true,
  // AG Grid's docs: "Row Animations can be a performance bottleneck"; an instant filter over
  // 100,000 rows shows its result at once instead (the console does not animate either).
  animateRows: false,
  // One needle, as the console reads it (AG Grid would otherwise AND the words of the text).
  quickFilterParser: text => [text.trim()],
  onModelUpdated: e => showCounts(e.api),
  onSelectionChanged: e => showCounts(e.api),
  // The grid draws rows in its own animation frames: mark once it says they are drawn.
  onFirstDataRendered: () => markAfterPaint('scim-first-row'),
});

// Filtering is synchronous; the grid's events reach this page a task later, so the count is
// written here too.
document.getElementById('filter').addEventListener('input', e => {
  api.setGridOption('quickFilterText', e.target.value);
  showCounts(api);
});

let first = true;
loadAll(
  batch => {
    loaded += batch.length;
    if (first) {
      first = false;
      api.applyTransaction({ add: batch });
    } else {
      api.applyTransactionAsync({ add: batch });
    }
  },
  () => {
    api.flushAsyncTransactions();
    showCounts(api);
    markAfterPaint('scim-all-rows');
  },
);
