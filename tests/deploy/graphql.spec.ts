// POST /github/graphql would run anything the credential may do, for any organization it can
// see. The proxy's njs check (deploy/njs/scim-admin.js) lets through only the console's own
// queries, byte for byte, for this organization (or the configured enterprise), with exactly
// their variables; everything else is answered 403 by nginx, and the emulator's request log
// shows it never arrived.
import { test, expect } from '../e2e/fixtures';
import { consoleQueries, raw, resetUpstream, upstreamSaw } from './helpers';

const JSON_WRITE = { 'X-Requested-With': 'scim-admin', 'Content-Type': 'application/json' };
const send = (body: unknown) => raw('POST', '/github/graphql', JSON_WRITE, typeof body === 'string' ? body : JSON.stringify(body));

test.beforeEach(resetUpstream);

test("the console's queries pass, for this organization and the configured enterprise", async () => {
  const q = consoleQueries();
  const cursor = Buffer.from('cursor:v2:1').toString('base64');
  const allowed = [
    { query: q.DRIFT_QUERY, variables: { org: 'acme-corp', after: null } },
    { query: q.DRIFT_QUERY, variables: { org: 'ACME-Corp', after: cursor } },
    { query: q.DRIFT_QUERY_FROM_END, variables: { org: 'acme-corp', before: null } },
    { query: q.ENTERPRISE_DRIFT_QUERY, variables: { slug: 'acme-ent', after: null } },
    { query: q.ENTERPRISE_DRIFT_QUERY_FROM_END, variables: { slug: 'acme-ent', before: cursor } },
  ];
  for (const body of allowed) {
    const answer = await send(body);
    expect(answer.status, answer.body).toBe(200);
  }
  const seen = await upstreamSaw();
  expect(seen.map(r => `${r.method} ${r.uri} ${r.authorization}`)).toEqual(
    allowed.map(() => 'POST /graphql Bearer proxy-credential'));
});

test('anything else is refused by nginx with a JSON message and never reaches GitHub', async () => {
  const q = consoleQueries();
  const org = (variables: object, query = q.DRIFT_QUERY) => ({ query, variables });
  const refused: [string, unknown][] = [
    ['a mutation', { query: 'mutation { updateIpAllowListEnabledSetting(input: {ownerId: "O_1", settingValue: DISABLED}) { clientMutationId } }', variables: {} }],
    ['a mutation with the right variables', org({ org: 'acme-corp', after: null }, 'mutation($org: String!, $after: String) { __typename }')],
    ['another organization', org({ org: 'other-org', after: null })],
    ['an organization whose name contains ours', org({ org: 'acme-corp-evil', after: null })],
    ['another enterprise', org({ slug: 'other-ent', after: null }, q.ENTERPRISE_DRIFT_QUERY)],
    ['the organization query with a slug', org({ slug: 'acme-ent', after: null })],
    ['an extra variable', org({ org: 'acme-corp', after: null, first: 100 })],
    ['a missing cursor', org({ org: 'acme-corp' })],
    ['the wrong cursor name', org({ org: 'acme-corp', before: null })],
    ['a cursor that is no cursor', org({ org: 'acme-corp', after: '") { x } #' })],
    ['a cursor that is a number', org({ org: 'acme-corp', after: 5 })],
    ['an organization that is a list', org({ org: ['acme-corp'], after: null })],
    ['an extra key', { ...org({ org: 'acme-corp', after: null }), operationName: 'x' }],
    ['extensions (persisted queries)', { ...org({ org: 'acme-corp', after: null }), extensions: {} }],
    ['a batched array', [org({ org: 'acme-corp', after: null })]],
    ['an alias', org({ org: 'acme-corp', after: null }, q.DRIFT_QUERY.replace('organization(login: $org)', 'o: organization(login: $org)'))],
    ['an extra field', org({ org: 'acme-corp', after: null }, q.DRIFT_QUERY.replace('rateLimit {', 'viewer { login email } rateLimit {'))],
    ['the same query with one more space', org({ org: 'acme-corp', after: null }, `${q.DRIFT_QUERY} `)],
    ['a second operation appended', org({ org: 'acme-corp', after: null }, `${q.DRIFT_QUERY}\nmutation M { __typename }`)],
    ['no variables', { query: q.DRIFT_QUERY }],
    ['variables as a string', { query: q.DRIFT_QUERY, variables: '{"org":"acme-corp","after":null}' }],
    ['a query that is not a string', { query: ['x'], variables: {} }],
    ['null', null],
    ['not JSON', 'query { viewer { login } }'],
    ['duplicate keys, the last one foreign', `{"query":${JSON.stringify(q.DRIFT_QUERY)},"variables":{"org":"acme-corp","org":"other-org","after":null}}`],
  ];
  for (const [what, body] of refused) {
    const answer = await send(body);
    expect(answer.status, `${what}: ${answer.body}`).toBe(403);
    expect(answer.headers['content-type'], what).toContain('application/json');
    expect(JSON.parse(answer.body).message, what).toContain('does not forward');
  }
  // GET, and the allowlist's other guards, still hold in front of the check.
  expect((await raw('GET', '/github/graphql?query=%7Bviewer%7Blogin%7D%7D')).status).toBe(403);
  expect((await raw('POST', '/github/graphql', { 'Content-Type': 'application/json' },
    JSON.stringify(org({ org: 'acme-corp', after: null })))).status).toBe(403);
  expect(await upstreamSaw()).toEqual([]);
});
