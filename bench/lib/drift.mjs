// What the drift review must show, computed here from the emulator's APIs, independently of the
// console: the counts of the categories whose rules are plain set arithmetic (contract §5):
// members without a SCIM identity, without any external identity, SCIM identities never
// linked, identities linked to a login that is no longer a member, outside collaborators.
const lower = s => s.toLowerCase();

async function restList(apiUrl, path, token) {
  const items = [];
  for (let page = 1; ; page++) {
    const r = await fetch(`${apiUrl}${path}?per_page=100&page=${page}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!r.ok) throw new Error(`drift dataset: GET ${path} answered ${r.status}`);
    const list = await r.json();
    items.push(...list);
    if (!/rel="next"/.test(r.headers.get('link') ?? '')) return items;
  }
}

const NODES = `query($org: String!, $after: String) { organization(login: $org) { samlIdentityProvider {
  externalIdentities(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { user { login } scimIdentity { username } } } } } }`;

async function nodes(apiUrl, org, token) {
  const all = [];
  for (let after = null; ;) {
    const r = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: NODES, variables: { org, after } }) });
    const page = (await r.json()).data.organization.samlIdentityProvider.externalIdentities;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

/** The expected counts by the summary's category titles. */
export async function loadDrift(apiUrl, org, token) {
  const members = new Set((await restList(apiUrl, `/orgs/${org}/members`, token)).map(u => lower(u.login)));
  const collaborators = await restList(apiUrl, `/orgs/${org}/outside_collaborators`, token);
  const outside = new Set(collaborators.map(u => lower(u.login)));
  const all = await nodes(apiUrl, org, token);
  const linked = new Set(all.filter(n => n.user).map(n => lower(n.user.login)));
  const linkedScim = new Set(all.filter(n => n.user && n.scimIdentity?.username).map(n => lower(n.user.login)));
  return {
    members: members.size,
    identities: all.length,
    counts: {
      'Members without a SCIM identity': [...members].filter(l => !linkedScim.has(l)).length,
      'Members without any external identity': [...members].filter(l => !linked.has(l)).length,
      'SCIM identities never linked': all.filter(n => !n.user && n.scimIdentity).length,
      'Identities linked to a login that is no longer a member': all.filter(n => n.user
        && !members.has(lower(n.user.login)) && !outside.has(lower(n.user.login))).length,
      'Outside collaborators': collaborators.length,
    },
  };
}
