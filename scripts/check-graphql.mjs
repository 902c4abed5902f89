// Validates every GraphQL query string the console sends against GitHub's published schema
// (the introspection result in @octokit/graphql-schema, pinned in package.json) with the
// reference implementation of GraphQL (the npm package `graphql`: buildClientSchema, parse,
// validate): a misspelt field, a wrong argument or an unused variable fails the test command.
// The strings come from the one Rust place that defines them (`scim::org::graphql::QUERIES`),
// printed by `cargo run -p scim --example graphql_queries`, so what is checked is exactly what
// is sent.
// usage: node scripts/check-graphql.mjs [queries.json]   (default: runs the example)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { schema as published } from '@octokit/graphql-schema';
import { buildClientSchema, parse, validate } from 'graphql';

// Not the SDL file: it defines two fields twice, which `buildSchema` refuses.
const schema = buildClientSchema(published.json);
const text = process.argv[2]
  ? readFileSync(process.argv[2], 'utf8')
  : execFileSync('cargo', ['run', '-q', '-p', 'scim', '--example', 'graphql_queries'], { encoding: 'utf8' });
const queries = Object.entries(JSON.parse(text));
if (queries.length === 0) throw new Error('no query to check: the example printed none');

let failed = 0;
for (const [name, query] of queries) {
  let errors;
  try {
    errors = validate(schema, parse(query));
  } catch (e) {
    errors = [e];
  }
  if (errors.length === 0) {
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}`);
    for (const e of errors) console.log(`     ${e.message}`);
  }
}
console.log(`graphql queries: ${queries.length - failed} passed, ${failed} failed`);
if (failed) process.exit(1);
