// The peer a React team would write: React 19 with TanStack Virtual, the rows in an external
// store fed by the shared loader, which starts before the first render.
import { createRoot } from 'react-dom/client';
import { loadAll } from '../../shared/load.js';
import '../../shared/table.css';
import { App } from './App.jsx';
import { createRowStore } from './store.js';

const store = createRowStore();
loadAll(store.append, store.finish);
createRoot(document.getElementById('root')).render(<App store={store} />);
