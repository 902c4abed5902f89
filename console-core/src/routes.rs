//! The console's URLs, read and written in this one place: which page a path shows, the query
//! parameters a page keeps (`?q=…&sort=…&dir=desc`), and the identity links (ids
//! percent-encoded).
use scim::query::{percent_decode, percent_encode};

/// What a path shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Identities,
    Provision,
    Identity(String),
    Edit(String),
    Review,
    Activity,
    NotFound,
}

impl Route {
    /// The page for `path` (without the query). Trailing slashes do not matter; an id is
    /// percent-decoded and must be valid UTF-8.
    pub fn parse(path: &str) -> Route {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| {
            percent_decode(s)
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .filter(|id| !id.is_empty())
        };
        match segments.as_slice() {
            [] => Route::Identities,
            ["provision"] => Route::Provision,
            ["review"] => Route::Review,
            ["activity"] => Route::Activity,
            ["identities", raw] => id(raw).map_or(Route::NotFound, Route::Identity),
            ["identities", raw, "edit"] => id(raw).map_or(Route::NotFound, Route::Edit),
            _ => Route::NotFound,
        }
    }
}

/// `/identities/{id}`
pub fn identity(id: &str) -> String {
    format!("/identities/{}", percent_encode(id))
}

/// The linked account's page, rebuilt from a `profileUrl` that is exactly
/// `https://github.com/{login}` with a login GitHub allows (letters, digits, single hyphens
/// inside); anything else is not made a link.
pub fn github_profile(profile_url: &str) -> Option<String> {
    let login = profile_url.strip_prefix("https://github.com/")?;
    let valid = !login.is_empty()
        && login.len() <= 39
        && login.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !login.starts_with('-')
        && !login.ends_with('-')
        && !login.contains("--");
    valid.then(|| format!("https://github.com/{login}"))
}

/// `/identities/{id}/edit`
pub fn identity_edit(id: &str) -> String {
    format!("{}/edit", identity(id))
}

/// The value of `key` in a query string (`a=1&b=2`, with or without the leading `?`):
/// `+` is a space and `%XX` escapes are decoded; a malformed value counts as absent.
pub fn query_value(query: &str, key: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| percent_decode(&v.replace('+', " ")))
        .and_then(|bytes| String::from_utf8(bytes).ok())
}

/// `path` with the pairs whose value is not empty as its query, in the order given.
pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}
