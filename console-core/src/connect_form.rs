//! The connect form's checks, made before any request leaves.
//!
//! A token travels in the `Authorization` header. The browser's `Headers` throws on a character
//! outside Latin-1 (a zero-width space copied from a chat or a web page), which would leave the
//! connect page stuck; a Latin-1 one that is not visible ASCII (a no-break space) would travel
//! and be refused by GitHub as "Bad credentials" with no hint why. No GitHub token has either,
//! so both are refused here, naming the character and where it is, since it cannot be seen.

/// Why `token` (already trimmed) cannot be sent, or `None`.
pub fn token_problem(token: &str) -> Option<String> {
    let count = token.chars().count();
    let (at, c) = token
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_graphic())?;
    Some(format!(
        "The token has a character a token cannot have: {} at character {} of {count}. \
         Paste it again without it.",
        describe(c),
        at + 1
    ))
}

/// `U+200B (zero-width space)` for the usual invisible ones, `U+00E9 “é”` for the rest.
fn describe(c: char) -> String {
    let name = match c {
        ' ' => "space",
        '\t' => "tab",
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "line break",
        '\u{00A0}' | '\u{202F}' => "no-break space",
        '\u{00AD}' => "soft hyphen",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "byte order mark",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202D}' | '\u{2066}'..='\u{2069}' => {
            "text direction mark"
        }
        '\u{202E}' => "right-to-left override",
        c if c.is_whitespace() => "space",
        c if c.is_control() => "control character",
        c => return format!("U+{:04X} “{c}”", c as u32),
    };
    format!("U+{:04X} ({name})", c as u32)
}

/// Why `base` cannot be the API base, or `None`. Direct mode: GitHub's URL (`https://…`;
/// `http://` for a local emulator) or a path of this site. Proxy mode: the site's own prefix,
/// a path starting with one `/`; a URL of another origin would not be the site's proxy.
pub fn api_base_problem(base: &str, proxy: bool) -> Option<&'static str> {
    let is_path = base.starts_with('/') && !base.starts_with("//");
    let is_url = ["https://", "http://"].iter().any(|scheme| {
        base.len() > scheme.len()
            && base
                .get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
    });
    if !base.chars().all(|c| c.is_ascii_graphic() && c != '\\') {
        Some("The API base has a space or a character a URL cannot have.")
    } else if proxy && !is_path {
        Some("In proxy mode the API base is this site's prefix: a path that starts with /, e.g. /github.")
    } else if !proxy && !is_path && !is_url {
        Some("The API base is a URL (https://api.github.com) or a path that starts with /.")
    } else {
        None
    }
}
