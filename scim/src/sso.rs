//! `X-GitHub-SSO`: `required; url=<authorization URL>` or `partial-results; organizations=<ids>`.
//!
//! The authorization URL is shown to the owner as a link, so it is kept only when it leads to
//! this very organization's SSO page on github.com (`authorization_url`); anything else is dropped.
use crate::query::percent_decode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SsoHeader {
    /// The token must be authorized for the org's SAML SSO; `url` is validated, or `None`.
    Required { url: Option<String> },
    /// Results left out organizations (by id) the token is not authorized for.
    PartialResults { organizations: Vec<u64> },
}

impl SsoHeader {
    pub fn parse(value: &str, org: &str) -> Option<Self> {
        let (kind, rest) = value.split_once(';').unwrap_or((value, ""));
        match kind.trim().to_ascii_lowercase().as_str() {
            "required" => Some(Self::Required {
                url: parameter(rest, "url").and_then(|u| authorization_url(u, org)),
            }),
            "partial-results" => Some(Self::PartialResults {
                organizations: parameter(rest, "organizations")
                    .map(|ids| {
                        ids.split(',')
                            .filter_map(|id| id.trim().parse().ok())
                            .collect()
                    })
                    .unwrap_or_default(),
            }),
            _ => None,
        }
    }
}

fn parameter<'a>(rest: &'a str, name: &str) -> Option<&'a str> {
    rest.split(';').find_map(|part| {
        let (key, value) = part.trim().split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// The link GitHub sends, rebuilt from its validated parts, when it leads to
/// `https://github.com/orgs/<org>/sso` and nowhere else: scheme https, host exactly github.com
/// (any ASCII case), no userinfo, no port, no fragment, and a path that after resolving dot
/// segments (`.`, `..`, `%2e` and friends, as a browser does) and percent-decoding is exactly
/// `/orgs/<org>/sso`. Of the query only `authorization_request` is kept (GitHub's one
/// parameter; anything else, a `return_to` say, could send the owner elsewhere once they have
/// authorized), re-encoded so it holds only unreserved bytes and escapes; two of them are
/// refused, since which one GitHub would read is a guess. Anything a browser would read differently from this parser (non-ASCII, whitespace,
/// control characters, backslashes, broken escapes) is refused, not repaired. A strict parser
/// for this one form rather than a general URL crate, which would weigh on the console's wasm;
/// the tests hold it against `url::Url`.
pub fn authorization_url(url: &str, org: &str) -> Option<String> {
    const SCHEME: &str = "https://";
    let is_login =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if url.len() > 2_048
        || !is_login(org)
        || !url.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
    {
        return None;
    }
    let rest = url
        .get(..SCHEME.len())
        .filter(|s| s.eq_ignore_ascii_case(SCHEME))
        .and(url.get(SCHEME.len()..))?;
    if rest.contains('#') {
        return None;
    }
    let (before_query, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = before_query.split_at(before_query.find('/')?);
    if !host.eq_ignore_ascii_case("github.com") {
        return None;
    }
    let segments = resolve_dot_segments(path)?;
    let [orgs, login, sso] = segments.as_slice() else {
        return None;
    };
    let login = String::from_utf8(login.clone()).ok()?;
    if orgs != b"orgs" || sso != b"sso" || !login.eq_ignore_ascii_case(org) {
        return None;
    }
    let query = authorization_request(query)?;
    let separator = if query.is_empty() { "" } else { "?" };
    Some(format!(
        "https://github.com/orgs/{login}/sso{separator}{query}"
    ))
}

/// The decoded segments of an absolute path after RFC 3986 dot-segment removal, which is what
/// the WHATWG parser does (a dot segment may be percent-encoded; one that ends the path leaves
/// an empty last segment). `None` for a broken escape or a path that is not absolute.
fn resolve_dot_segments(path: &str) -> Option<Vec<Vec<u8>>> {
    let raw: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    let mut out: Vec<Vec<u8>> = Vec::with_capacity(raw.len());
    for (at, segment) in raw.iter().enumerate() {
        let decoded = percent_decode(segment)?;
        let last = at + 1 == raw.len();
        match decoded.as_slice() {
            b"." | b".." => {
                if decoded.len() == 2 {
                    out.pop();
                }
                if last {
                    out.push(Vec::new());
                }
            }
            _ => out.push(decoded),
        }
    }
    Some(out)
}

/// The query's `authorization_request=<value>` pair, decoded as a form would be (`+` is a
/// space) and encoded again with only unreserved bytes left bare; empty when there is none.
/// Every other pair is dropped, but must still decode: a broken escape anywhere is refused.
fn authorization_request(query: &str) -> Option<String> {
    const NAME: &str = "authorization_request";
    let mut kept: Option<String> = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let decode = |s: &str| percent_decode(&s.replace('+', " "));
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (name, value) = (decode(name)?, decode(value)?);
        if name == NAME.as_bytes() {
            if kept.is_some() {
                return None;
            }
            kept = Some(format!("{NAME}={}", form_encode(&value)));
        }
    }
    Some(kept.unwrap_or_default())
}

/// application/x-www-form-urlencoded, as browsers and `url::form_urlencoded` write it.
fn form_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
