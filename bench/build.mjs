// Builds the peers with Vite in production mode (minified, hashed assets) into
// bench/.build/<app>/. The console is built by Trunk (scripts/bench) and copied by run.mjs.
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const HERE = new URL('.', import.meta.url).pathname;
const PEERS = { baseline: [], react: [react()], aggrid: [] };

for (const [app, plugins] of Object.entries(PEERS)) {
  await build({
    root: `${HERE}${app}`,
    base: '/',
    mode: 'production',
    logLevel: 'warn',
    plugins,
    build: { outDir: `${HERE}.build/peers/${app}`, emptyOutDir: true, minify: true, reportCompressedSize: false },
  });
  console.log(`built ${app} → bench/.build/peers/${app}`);
}
