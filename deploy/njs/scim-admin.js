// The proxy's checks that nginx's own configuration cannot express (njs, Debian's
// libnginx-mod-http-js). Rendered by deploy/render-nginx-conf, which fills in @PLACEHOLDERS@.
//
// graphql: GitHub's GraphQL endpoint runs anything the credential may do (mutations, other
// organizations), so only the console's own queries pass: the body must be exactly
// {"query", "variables"}, the query's SHA-256 one of deploy/graphql-allowlist.json (generated
// from scim::org::graphql::QUERIES), and the variables exactly the query's two: the
// configured organization (or enterprise) and a cursor that looks like one. Anything else is
// answered here, 403, and never reaches the upstream.
import crypto from 'crypto';

const ALLOWLIST = @ALLOWLIST@;
const OWNERS = { org: '@ORG@'.toLowerCase(), slug: '@ENTERPRISE@'.toLowerCase() };
const CURSOR = /^[A-Za-z0-9+\/=_-]{1,256}$/;

function refuse(r, why) {
  r.headersOut['Content-Type'] = 'application/json';
  r.return(403, JSON.stringify({ message: `This proxy does not forward this GraphQL request: ${why}.` }));
}

/** Why the body is not one the console sends, or '' when it is. */
function problem(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return 'the body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be one query object';
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'query,variables') return `the body must hold exactly "query" and "variables", not ${keys}`;
  if (typeof body.query !== 'string') return 'the query must be a string';
  const known = ALLOWLIST[crypto.createHash('sha256').update(body.query).digest('hex')];
  if (!known) return "the query is not one of the console's";
  const vars = body.variables;
  if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) return 'variables must be an object';
  if (Object.keys(vars).sort().join(',') !== [known.owner, known.cursor].sort().join(',')) {
    return `variables must be exactly ${known.owner} and ${known.cursor}`;
  }
  const owner = vars[known.owner];
  if (!OWNERS[known.owner] || typeof owner !== 'string' || owner.toLowerCase() !== OWNERS[known.owner]) {
    return known.owner === 'org' ? 'it is not for this organization' : 'it is not for the enterprise this site is configured for';
  }
  const cursor = vars[known.cursor];
  if (cursor !== null && !(typeof cursor === 'string' && CURSOR.test(cursor))) return 'the cursor is not a cursor';
  return '';
}

function graphql(r) {
  const why = problem(r.requestText || '');
  if (why) return refuse(r, why);
  r.internalRedirect('@@SITE_ID@_api');
}

/** One DER element at `at`: its tag and where its content starts and ends. */
function der(buf, at) {
  let len = buf[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  return { tag: buf[at], start, end: start + len };
}

/** The client certificate's email SAN (rfc822Name), or '' (nginx has no variable for it). */
function emailSan(pem) {
  if (!pem) return '';
  const buf = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const oid = buf.indexOf(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x11])); // subjectAltName
  if (oid < 0) return '';
  let at = oid + 5;
  if (buf[at] === 0x01) at = der(buf, at).end; // "critical"
  const octets = der(buf, at);
  const names = octets.tag === 0x04 ? der(buf, octets.start) : { tag: 0 };
  if (names.tag !== 0x30) return '';
  for (let p = names.start; p < names.end; p = der(buf, p).end) {
    const name = der(buf, p);
    if (name.tag === 0x81) return buf.slice(name.start, name.end).toString();
  }
  return '';
}

/** Who is calling, from what authenticated them (the client certificate or the gateway). */
function person(r) {
  const v = r.variables;
  switch ('@AUTH@') {
    case 'mtls':
      if (v.ssl_client_verify !== 'SUCCESS') return '';
      return emailSan(v.ssl_client_raw_cert) || v.ssl_client_s_dn;
    case 'gateway': return v.@SITE_ID@_auth_email || v.@SITE_ID@_auth_user || '';
    default: return 'anyone (AUTH=none)';
  }
}

/** The key of the per-person write limit: empty (not counted) for reads. */
function writeKey(r) {
  const read = r.method === 'GET' || r.variables.request_uri === '@PROXY_PREFIX@/graphql';
  return read ? '' : person(r);
}

/** The path as sent, without the query string (SCIM filters hold people's emails). */
function path(r) {
  return r.variables.request_uri.split('?')[0];
}

/** Where the browser signs in and comes back to the page it asked for. */
function signIn(r) {
  return `/oauth2/start?rd=${encodeURIComponent(r.variables.request_uri)}`;
}

/** The same-origin whoami: who the site thinks is signed in, for the console's header. */
function whoami(r) {
  r.headersOut['Content-Type'] = 'application/json';
  r.return(200, JSON.stringify({ auth: '@AUTH@', person: person(r) }));
}

export default { graphql, person, writeKey, path, signIn, whoami };
