// Writes deploy/graphql-allowlist.json, what the proxy's GraphQL check (deploy/njs/) accepts:
// the SHA-256 of each query string the console sends, with the variables it declares. The
// strings come from the one Rust place that defines them (`scim::org::graphql::QUERIES`,
// printed by `cargo run -p scim --example graphql_queries`), so no hash is ever typed by hand.
// usage: node scripts/graphql-allowlist.mjs [--check]
//   --check: fail (exit 1) when the committed file differs from what the crate gives now
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../deploy/graphql-allowlist.json', import.meta.url);
const queries = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'scim', '--example', 'graphql_queries'],
  { encoding: 'utf8' }));

const allowlist = {};
for (const [name, query] of Object.entries(queries)) {
  // The declared variables, e.g. `query($org: String!, $after: String)`: one names the
  // organization (`org`) or the enterprise (`slug`), the other is the cursor.
  const header = query.match(/^query\(([^)]*)\)/);
  if (!header) throw new Error(`${name}: not a query with declared variables`);
  const names = [...header[1].matchAll(/\$(\w+)\s*:/g)].map(m => m[1]);
  const owner = names.filter(n => n === 'org' || n === 'slug');
  const cursor = names.filter(n => n === 'after' || n === 'before');
  if (owner.length !== 1 || cursor.length !== 1 || names.length !== 2) {
    throw new Error(`${name}: variables ${names} are not one of org/slug and one of after/before`);
  }
  const sha256 = createHash('sha256').update(query, 'utf8').digest('hex');
  allowlist[sha256] = { name, owner: owner[0], cursor: cursor[0] };
}
const text = `${JSON.stringify(allowlist, null, 2)}\n`;

if (process.argv[2] === '--check') {
  if (readFileSync(file, 'utf8') !== text) {
    console.error('deploy/graphql-allowlist.json differs from scim::org::graphql::QUERIES:');
    console.error('run `node scripts/graphql-allowlist.mjs` and commit the result');
    process.exit(1);
  }
  console.log(`graphql allowlist: ${Object.keys(allowlist).length} queries, matches the crate`);
} else {
  writeFileSync(file, text);
  console.log(`wrote deploy/graphql-allowlist.json (${Object.keys(allowlist).length} queries)`);
}
