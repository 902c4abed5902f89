// Trunk post-build hook: moves the inline module script Trunk writes into index.html (the one
// that loads the wasm) into a hashed file, so the console runs under a Content-Security-Policy
// without 'unsafe-inline' (deploy/nginx/security-headers.conf.template).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
let count = 0;
const out = html.replace(inline, (_, code) => {
  count += 1;
  const hex = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const sri = 'sha384-' + createHash('sha384').update(code).digest('base64');
  const name = `init-${hex}.js`;
  writeFileSync(join(dir, name), code);
  return `<script type="module" src="/${name}" integrity="${sri}"></script>`;
});
if (count !== 1) throw new Error(`expected one inline module script in index.html, found ${count}`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) throw new Error('an inline script is left in index.html');
writeFileSync(page, out);
