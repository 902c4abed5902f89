// A stand-in for the site's sign-in gateway in the deployment test, implementing the part of
// oauth2-proxy's documented contract that nginx relies on (Pomerium and others offer the same):
//   GET /oauth2/auth   202 with X-Auth-Request-User and X-Auth-Request-Email for a live
//                      session cookie, 401 without one
//   GET /oauth2/start?rd=/path   "signs in" (no identity provider here: the test's one owner)
//                      and sends the browser back to rd, a path on this site only
// and, for the test only, POST /_gateway/expire, which ends every session (a sign-in that
// expires mid-session). Not a gateway to deploy: it checks no password.
// usage: node tests/deploy/gateway.mjs PORT
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const port = Number(process.argv[2]);
const sessions = new Set();
const COOKIE = '_oauth2_proxy';

function session(request) {
  const cookies = (request.headers.cookie ?? '').split(/;\s*/).map(c => c.split('='));
  const found = cookies.find(([name, value]) => name === COOKIE && sessions.has(value));
  return found ? found[1] : null;
}

createServer((request, response) => {
  const url = new URL(request.url, 'http://gateway');
  if (url.pathname === '/oauth2/auth') {
    if (!session(request)) return response.writeHead(401).end();
    return response.writeHead(202, {
      'X-Auth-Request-User': 'ada',
      'X-Auth-Request-Email': 'ada@acme-corp.example',
    }).end();
  }
  if (url.pathname === '/oauth2/start') {
    const rd = url.searchParams.get('rd') ?? '/';
    // Only a path on this site: an open redirect would send the owner anywhere.
    const back = rd.startsWith('/') && !rd.startsWith('//') && !rd.startsWith('/\\') ? rd : '/';
    const id = randomUUID();
    sessions.add(id);
    return response.writeHead(302, {
      Location: back,
      'Set-Cookie': `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`,
    }).end();
  }
  if (url.pathname === '/_gateway/expire' && request.method === 'POST') {
    sessions.clear();
    return response.writeHead(204).end();
  }
  response.writeHead(404).end();
}).listen(port, '127.0.0.1');
