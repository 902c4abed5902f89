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
