//! The deep link to a member's SAML page and the path segments, built in one place.
use console_core::drift::{segment, sso_page};

#[test]
fn the_sso_page_of_each_kind_of_login() {
    let cases = [
        (
            "octocat",
            Some("https://github.com/orgs/acme/people/octocat/sso"),
        ),
        (
            "mona-lisa",
            Some("https://github.com/orgs/acme/people/mona-lisa/sso"),
        ),
        (
            "-dash-",
            Some("https://github.com/orgs/acme/people/-dash-/sso"),
        ),
        (
            "Mona_Corp",
            Some("https://github.com/orgs/acme/people/Mona_Corp/sso"),
        ),
        ("a b", Some("https://github.com/orgs/acme/people/a%20b/sso")),
        (
            "a/../b",
            Some("https://github.com/orgs/acme/people/a%2F..%2Fb/sso"),
        ),
        (
            "x?y#z&w",
            Some("https://github.com/orgs/acme/people/x%3Fy%23z%26w/sso"),
        ),
        (
            "zoë",
            Some("https://github.com/orgs/acme/people/zo%C3%AB/sso"),
        ),
        (
            "%2e%2e",
            Some("https://github.com/orgs/acme/people/%252e%252e/sso"),
        ),
        ("...", Some("https://github.com/orgs/acme/people/.../sso")),
        ("..", None),
        (".", None),
        ("", None),
    ];
    for (login, expected) in cases {
        assert_eq!(sso_page("acme", login).as_deref(), expected, "{login:?}");
    }
    assert_eq!(sso_page("..", "octocat"), None);
    assert_eq!(
        sso_page("Acme Corp", "x").as_deref(),
        Some("https://github.com/orgs/Acme%20Corp/people/x/sso")
    );
}

#[test]
fn a_segment_keeps_only_unreserved_characters() {
    assert_eq!(segment("A-z_0.9~").as_deref(), Some("A-z_0.9~"));
    assert_eq!(segment("\u{0}\n\"<>").as_deref(), Some("%00%0A%22%3C%3E"));
}
