//! What the site's proxy says about who is calling (`/_site/whoami`), and the sign-in link.
use console_core::site::{sign_in_link, SiteIdentity};

#[test]
fn whoami_reads_the_person_or_the_warning_and_nothing_else() {
    let person = SiteIdentity::from_json(r#"{"auth":"gateway","person":"ada@acme-corp.example"}"#);
    assert_eq!(
        person,
        Some(SiteIdentity::Person("ada@acme-corp.example".into()))
    );
    let cert = SiteIdentity::from_json(r#"{"auth":"mtls","person":"emailAddress=a@b,CN=Ada"}"#);
    assert_eq!(
        cert,
        Some(SiteIdentity::Person("emailAddress=a@b,CN=Ada".into()))
    );
    let anyone = SiteIdentity::from_json(r#"{"auth":"none","person":"anyone (AUTH=none)"}"#);
    assert_eq!(anyone, Some(SiteIdentity::Anyone));
    assert!(SiteIdentity::Anyone
        .line()
        .contains("anyone who can reach it acts as"));
    // Not the proxy's answer (the SPA's index.html, another site, an empty person): nothing.
    for text in [
        "<!doctype html>",
        "{}",
        r#"{"auth":"gateway","person":""}"#,
        r#"{"auth":"x","person":"p"}"#,
    ] {
        assert_eq!(SiteIdentity::from_json(text), None, "{text}");
    }
}

#[test]
fn sign_in_comes_back_to_this_page_of_this_site_only() {
    assert_eq!(sign_in_link("/review"), "/oauth2/start?rd=%2Freview");
    assert_eq!(
        sign_in_link("/identities/a b?x=1&y=ü"),
        "/oauth2/start?rd=%2Fidentities%2Fa%20b%3Fx%3D1%26y%3D%C3%BC"
    );
    for elsewhere in [
        "//evil.example/x",
        "https://evil.example/",
        "/\\evil.example",
        "",
    ] {
        assert_eq!(
            sign_in_link(elsewhere),
            "/oauth2/start?rd=%2F",
            "{elsewhere}"
        );
    }
}
