//! The connect form's checks, made before any request: a token that cannot travel in a
//! header, and an API base that is neither GitHub's URL nor the site's prefix.
use console_core::connect_form::{api_base_problem, token_problem};

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

#[test]
fn the_api_base_is_a_url_in_direct_mode_or_a_path_of_this_site() {
    for (proxy, base) in [
        (false, "https://api.github.com"),
        (false, "http://127.0.0.1:8787"),
        (false, "/github"),
        (true, "/github"),
        (true, "/github/"),
        (true, "/"),
    ] {
        assert_eq!(api_base_problem(base, proxy), None, "{base}");
    }
    for (proxy, base) in [
        (false, "api.github.com"),
        (false, "ftp://api.github.com"),
        (false, "//evil.example"),
        (true, "github"),
        (true, "https://api.github.com"),
        (true, "//evil.example/github"),
        (true, "/\\evil.example"),
        (false, "https://api.github.com/\u{200B}"),
        (false, "https://api.github.com/x y"),
    ] {
        assert!(api_base_problem(base, proxy).is_some(), "{base}");
    }
    assert!(api_base_problem("github", true).is_some_and(|p| p.contains("starts with /")));
}
