//! The connect form's checks, made before any request: a token that cannot travel in a
//! header.
use console_core::connect_form::token_problem;

#[test]
fn real_tokens_pass() {
    for token in [
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "gho_abc",
        "e2e-token",
        "0123456789abcdef0123456789abcdef01234567",
    ] {
        assert_eq!(token_problem(token), None, "{token}");
    }
}

#[test]
fn an_invisible_character_is_named_with_its_place() {
    let problem = token_problem("e2e-\u{200B}token");
    assert_eq!(
        problem.as_deref(),
        Some(
            "The token has a character a token cannot have: U+200B (zero-width space) at \
             character 5 of 10. Paste it again without it."
        )
    );
}

#[test]
fn every_character_outside_visible_ascii_is_refused_and_named() {
    let cases = [
        ("ab\u{FEFF}c", "U+FEFF (byte order mark)", 3),
        ("\u{00A0}abc", "U+00A0 (no-break space)", 1),
        ("abc\u{200D}", "U+200D (zero-width joiner)", 4),
        ("a b", "U+0020 (space)", 2),
        ("a\tb", "U+0009 (tab)", 2),
        ("a\nb", "U+000A (line break)", 2),
        ("a\u{0}b", "U+0000 (control character)", 2),
        ("tokén", "U+00E9 “é”", 4),
        ("ghp_ｘ", "U+FF58 “ｘ”", 5),
        ("a\u{202E}b", "U+202E (right-to-left override)", 2),
    ];
    for (token, named, at) in cases {
        let problem = token_problem(token).unwrap_or_default();
        assert!(problem.contains(named), "{token:?}: {problem}");
        assert!(
            problem.contains(&format!("at character {at} of")),
            "{token:?}: {problem}"
        );
    }
}
