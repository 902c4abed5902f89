//! The SSO authorization link is shown to the owner as "Authorize on github.com": it must lead
//! to `https://github.com/orgs/<org>/sso` and nowhere else, however the URL is dressed up.
//! `url::Url` (a dev-dependency only, the WHATWG parser a browser uses) is the oracle.
#![cfg(not(target_arch = "wasm32"))]
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use scim::sso::authorization_url;

const ORG: &str = "acme-corp";

#[test]
fn the_bypass_through_dot_segments_after_an_empty_segment_is_refused() {
    let bypass = "https://github.com/orgs/acme-corp/sso//../../../../login/oauth/authorize?client_id=Iv1.evil&scope=admin:org";
    // What the browser would open: GitHub's OAuth consent page for someone else's app.
    let resolved = url::Url::parse(bypass).unwrap();
    assert_eq!(resolved.path(), "/login/oauth/authorize");
    assert_eq!(authorization_url(bypass, ORG), None);
}

#[test]
fn hostile_links_are_refused() {
    let long = format!(
        "https://github.com/orgs/acme-corp/sso?a={}",
        "x".repeat(2_100)
    );
    let hostile: &[&str] = &[
        // dot segments, plain and encoded
        "https://github.com/orgs/acme-corp/sso/../../../login/oauth/authorize",
        "https://github.com/orgs/acme-corp/sso/%2e%2e/%2e%2e/%2e%2e/login",
        "https://github.com/orgs/acme-corp/sso/%2E%2E/.%2e/%2e./login",
        "https://github.com/orgs/acme-corp/../other-org/sso",
        "https://github.com/orgs/acme-corp/sso/x/..",
        "https://github.com/orgs/acme-corp/sso/.",
        "https://github.com/orgs/acme-corp/sso;/../../login",
        "https://github.com/orgs/acme-corp/sso/%252e%252e/login",
        "https://github.com/orgs/acme-corp/sso/%C0%AE%C0%AE/login",
        // encoded slashes and backslashes
        "https://github.com/orgs/acme-corp/sso%2F..%2F..%2F..%2Flogin",
        "https://github.com/orgs%2Facme-corp%2Fsso",
        "https://github.com/orgs/acme-corp/sso%5C..%5C..%5Clogin",
        "https://github.com\\orgs\\acme-corp\\sso",
        "https://github.com/orgs/acme-corp/sso\\..\\..\\login",
        "https:\\\\github.com/orgs/acme-corp/sso",
        // double slashes and a trailing one
        "https://github.com//orgs/acme-corp/sso",
        "https://github.com/orgs//acme-corp/sso",
        "https://github.com/orgs/acme-corp//sso",
        "https://github.com/orgs/acme-corp/sso/",
        // case where GitHub's paths are case-sensitive
        "https://github.com/ORGS/acme-corp/sso",
        "https://github.com/orgs/acme-corp/SSO",
        // Unicode look-alikes (Cyrillic і, Greek ο, full-width letters, punycode, Cyrillic а and ѕ)
        "https://gіthub.com/orgs/acme-corp/sso",
        "https://github.cοm/orgs/acme-corp/sso",
        "https://ｇｉｔｈｕｂ.ｃｏｍ/orgs/acme-corp/sso",
        "https://xn--gthub-n4a.com/orgs/acme-corp/sso",
        "https://github.com/orgs/аcme-corp/sso",
        "https://github.com/orgs/acme-corp/ѕso",
        "https://github.com/orgs/acme-corp/sso\u{202e}",
        // other organizations
        "https://github.com/orgs/other-org/sso",
        "https://github.com/orgs/acme-corp-evil/sso",
        "https://github.com/orgs/acme/sso",
        "https://github.com/orgs/acme-corp/settings",
        // other hosts
        "https://github.com.evil.example/orgs/acme-corp/sso",
        "https://evil.example/orgs/acme-corp/sso",
        "https://evil.example/https://github.com/orgs/acme-corp/sso",
        "https://api.github.com/orgs/acme-corp/sso",
        "https://gist.github.com/orgs/acme-corp/sso",
        "https://github.com./orgs/acme-corp/sso",
        "https://github%2Ecom/orgs/acme-corp/sso",
        "https://140.82.112.3/orgs/acme-corp/sso",
        // userinfo
        "https://github.com@evil.example/orgs/acme-corp/sso",
        "https://evil.example@github.com/orgs/acme-corp/sso",
        "https://user:pass@github.com/orgs/acme-corp/sso",
        "https://@github.com/orgs/acme-corp/sso",
        // ports
        "https://github.com:443/orgs/acme-corp/sso",
        "https://github.com:444/orgs/acme-corp/sso",
        "https://github.com:/orgs/acme-corp/sso",
        // tabs, newlines, spaces, NUL (a browser strips tabs and newlines, then resolves)
        "https://github.com/orgs/acme-corp/s\tso",
        "https://github.com/orgs/acme-corp/sso/.\n./.\r./login",
        "https://git\nhub.com/orgs/acme-corp/sso",
        "https://github.com/orgs/acme-corp/sso x",
        " https://github.com/orgs/acme-corp/sso",
        "https://github.com/orgs/acme-corp/sso%00",
        "https://github.com/orgs/acme-corp/sso\0",
        // fragments
        "https://github.com/orgs/acme-corp/sso#/../../login",
        "https://github.com/orgs/acme-corp/sso?authorization_request=A1#x",
        // schemes
        "http://github.com/orgs/acme-corp/sso",
        "javascript:alert(1)//https://github.com/orgs/acme-corp/sso",
        "data:text/html,https://github.com/orgs/acme-corp/sso",
        "//github.com/orgs/acme-corp/sso",
        "https:github.com/orgs/acme-corp/sso",
        "https:/github.com/orgs/acme-corp/sso",
        "https:///github.com/orgs/acme-corp/sso",
        "/orgs/acme-corp/sso",
        // two authorization requests: which one GitHub would read is not this parser's guess
        "https://github.com/orgs/acme-corp/sso?authorization_request=A1&authorization_request=B2",
        // broken escapes
        "https://github.com/orgs/acme-corp/sso%",
        "https://github.com/orgs/acme-corp/ss%zzo",
        "https://github.com/orgs/acme-corp/sso?authorization_request=%",
        "https://github.com/orgs/acme-corp/sso?authorization_request=%G1",
        "",
        &long,
    ];
    assert!(hostile.len() >= 25);
    for url in hostile {
        assert_eq!(authorization_url(url, ORG), None, "accepted {url:?}");
    }
}

#[test]
fn github_links_are_accepted_and_rebuilt_from_their_parts() {
    let cases = [
        (
            "https://github.com/orgs/acme-corp/sso?authorization_request=A1B2",
            "https://github.com/orgs/acme-corp/sso?authorization_request=A1B2",
        ),
        // GitHub's own example value: base64 padding stays encoded.
        (
            "https://github.com/orgs/acme-corp/sso?authorization_request=AZSCKtL4U8yX1H3sCQIVnVgmjmon5fWxks5YrqhJzahKcmVZdGVtIE93bmVyCg%3D%3D",
            "https://github.com/orgs/acme-corp/sso?authorization_request=AZSCKtL4U8yX1H3sCQIVnVgmjmon5fWxks5YrqhJzahKcmVZdGVtIE93bmVyCg%3D%3D",
        ),
        ("https://github.com/orgs/acme-corp/sso", "https://github.com/orgs/acme-corp/sso"),
        // Scheme and host case, the org's case, an encoded letter, a resolved dot segment.
        ("HTTPS://GitHub.COM/orgs/ACME-Corp/sso", "https://github.com/orgs/ACME-Corp/sso"),
        ("https://github.com/orgs/%61cme-corp/sso", "https://github.com/orgs/acme-corp/sso"),
        ("https://github.com/orgs/x/../acme-corp/./sso", "https://github.com/orgs/acme-corp/sso"),
        // Only `authorization_request` is kept, re-encoded: nothing but unreserved bytes and
        // escapes. Any other parameter (a `return_to` GitHub would follow after authorizing,
        // or anything else planted) is dropped.
        (
            "https://github.com/orgs/acme-corp/sso?a=<script>&authorization_request=A+<b>&&c",
            "https://github.com/orgs/acme-corp/sso?authorization_request=A+%3Cb%3E",
        ),
        (
            "https://github.com/orgs/acme-corp/sso?return_to=/login/oauth/authorize%3Fclient_id%3Dx&authorization_request=A1",
            "https://github.com/orgs/acme-corp/sso?authorization_request=A1",
        ),
        (
            "https://github.com/orgs/acme-corp/sso?return_to=https://evil.example",
            "https://github.com/orgs/acme-corp/sso",
        ),
        ("https://github.com/orgs/acme-corp/sso?", "https://github.com/orgs/acme-corp/sso"),
    ];
    for (input, expected) in cases {
        assert_eq!(
            authorization_url(input, ORG).as_deref(),
            Some(expected),
            "{input}"
        );
    }
}

#[test]
fn an_organization_that_is_not_a_login_accepts_nothing() {
    for org in ["", "acme/corp", "acme%2Fcorp", "..", "acme corp"] {
        let url = format!("https://github.com/orgs/{org}/sso");
        assert_eq!(authorization_url(&url, org), None, "{org:?}");
    }
}

/// URLs assembled from the pieces attackers use around a valid link, so that a good share of
/// them is accepted and the oracle has something to check.
fn pieces_url() -> impl Strategy<Value = String> {
    /// Mostly one of `fine` (which keep the link valid), sometimes one of `hostile`.
    fn mostly(
        fine: &[&'static str],
        hostile: &[&'static str],
    ) -> impl Strategy<Value = &'static str> {
        prop_oneof![
            4 => prop::sample::select(fine.to_vec()),
            1 => prop::sample::select(hostile.to_vec()),
        ]
    }
    let scheme = mostly(
        &["https://", "HTTPS://"],
        &["http://", "https:/", "https:", "//", "https:///"],
    );
    let host = mostly(
        &["github.com", "GitHub.com"],
        &[
            "github.com:443",
            "github.com.",
            "u@github.com",
            "github.com@evil.example",
            "evil.example",
            "github%2Ecom",
            "ｇｉｔｈｕｂ.com",
            "github.com:",
        ],
    );
    let noise = || {
        mostly(
            &["", "", "", "./", "%2e/", "x/../", "y/%2e%2E/", "z/.%2e/"],
            &["/", "../", "%2F", "\\", "\t", "%2e%2e%2F"],
        )
    };
    let orgs = mostly(&["orgs", "%6Frgs"], &["ORGS", "org", "orgs%2F"]);
    let login = mostly(
        &["acme-corp", "ACME-Corp", "%61cme-corp"],
        &["other", "acme-corp%2F", "acme"],
    );
    let sso = mostly(&["sso", "s%73o"], &["SSO", "sso;", "ss"]);
    let tail = mostly(
        &["", "/x/../../sso"],
        &[
            "/",
            "/.",
            "/..",
            "//../..",
            "/x/..",
            "%2F..%2F..%2Flogin",
            "/../../login",
            "/%2e%2e/%2e%2e/login",
        ],
    );
    let query = mostly(
        &[
            "",
            "?authorization_request=A1",
            "?authorization_request=A%3D%3D&x=1",
            "?return_to=/login/oauth/authorize?client_id=x",
            "?q=<b>&r=%00&&s",
            "?a+b=c+d",
            "?",
        ],
        &["?a=%", "?a b=c", "#frag", "?q=1#frag", "?a=%zz"],
    );
    let path = (noise(), orgs, noise(), login, noise(), sso, tail)
        .prop_map(|(a, o, b, l, c, s, t)| format!("{a}{o}/{b}{l}/{c}{s}{t}"));
    (scheme, host, path, query).prop_map(|(s, h, p, q)| format!("{s}{h}/{p}{q}"))
}

fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// What a browser would open for `input`, seen by the WHATWG parser, must be the org's SSO page.
fn oracle_agrees(input: &str, output: &str) {
    let seen = url::Url::parse(input).expect("accepted, so the browser can parse it");
    assert_eq!(seen.scheme(), "https", "{input}");
    assert_eq!(seen.host_str(), Some("github.com"), "{input}");
    assert_eq!(seen.port(), None, "{input}");
    assert_eq!((seen.username(), seen.password()), ("", None), "{input}");
    assert_eq!(seen.fragment(), None, "{input}");
    let decoded = percent_decode(seen.path());
    assert_eq!(lower(&decoded), format!("/orgs/{ORG}/sso"), "{input}");
    let rebuilt = url::Url::parse(output).expect("the output parses");
    assert_eq!(rebuilt.as_str(), output, "the output is already canonical");
    assert_eq!(lower(rebuilt.path()), format!("/orgs/{ORG}/sso"));
    let pairs = |u: &url::Url| u.query_pairs().into_owned().collect::<Vec<_>>();
    let requests: Vec<_> = pairs(&seen)
        .into_iter()
        .filter(|(name, _)| name == "authorization_request")
        .collect();
    assert_eq!(
        pairs(&rebuilt),
        requests,
        "only the authorization request is kept: {input}"
    );
    assert_eq!(authorization_url(output, ORG).as_deref(), Some(output));
}

fn percent_decode(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

#[test]
fn whatever_is_accepted_the_browser_resolves_to_the_sso_page() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut accepted = 0;
    for _ in 0..5_000 {
        let input = pieces_url().new_tree(&mut runner).unwrap().current();
        if let Some(output) = authorization_url(&input, ORG) {
            oracle_agrees(&input, &output);
            accepted += 1;
        }
    }
    eprintln!("{accepted} of 5,000 accepted");
    assert!(
        accepted > 500,
        "only {accepted} of 5,000 accepted: the oracle checked too little"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn arbitrary_text_never_panics_and_never_escapes(input in "(https://github.com/orgs/acme-corp/sso)?\\PC{0,40}") {
        if let Some(output) = authorization_url(&input, ORG) {
            oracle_agrees(&input, &output);
        }
    }
}
