//! `X-GitHub-SSO`: `required; url=<authorization URL>` or `partial-results; organizations=<ids>`.
//!
//! The authorization URL is shown to the owner as a link, so it is accepted only when it is an
//! https URL on github.com for this very organization; anything else is dropped.

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

/// `https://github.com/orgs/<org>/sso…`, nothing else. The host must be followed directly by
/// `/`, so `github.com.evil.example`, `github.com@evil.example` and ports are all refused.
pub fn authorization_url(url: &str, org: &str) -> Option<String> {
    const PREFIX: &str = "https://github.com/";
    if url.len() > 2_048
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let head = url.get(..PREFIX.len())?;
    if !head.eq_ignore_ascii_case(PREFIX) {
        return None;
    }
    let path = &url[PREFIX.len()..];
    let (path_only, _query) = path.split_once(['?', '#']).unwrap_or((path, ""));
    let mut segments = path_only.split('/');
    let ok = segments.next() == Some("orgs")
        && segments.next().is_some_and(|o| o.eq_ignore_ascii_case(org))
        && segments.next() == Some("sso")
        && segments.next().is_none_or(str::is_empty);
    ok.then(|| format!("{PREFIX}{path}"))
}
