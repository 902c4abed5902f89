//! X-GitHub-SSO: the authorization link is only ever an https github.com URL for this org.
use scim::sso::{authorization_url, SsoHeader};

const GOOD: &str = "https://github.com/orgs/acme-corp/sso?authorization_request=A1B2";

#[test]
fn required_with_a_github_url_for_this_org() {
    let header = format!("required; url={GOOD}");
    assert_eq!(
        SsoHeader::parse(&header, "acme-corp"),
        Some(SsoHeader::Required {
            url: Some(GOOD.into())
        })
    );
    // Org logins are case-insensitive.
    assert_eq!(authorization_url(GOOD, "ACME-Corp").as_deref(), Some(GOOD));
}

#[test]
fn urls_for_other_hosts_orgs_or_schemes_are_dropped() {
    for hostile in [
        "http://github.com/orgs/acme-corp/sso",
        "https://github.com.evil.example/orgs/acme-corp/sso",
        "https://github.com@evil.example/orgs/acme-corp/sso",
        "https://github.com:444/orgs/acme-corp/sso",
        "https://evil.example/https://github.com/orgs/acme-corp/sso",
        "https://github.com/orgs/other-org/sso",
        "https://github.com/orgs/acme-corp/settings",
        "https://github.com/orgs/acme-corp/sso/../../login",
        "https://github.com/orgs/acme-corp/sso\\@evil.example",
        "javascript:alert(1)//https://github.com/orgs/acme-corp/sso",
        "https://github.com/orgs/acme-corp/sso x",
        "",
    ] {
        assert_eq!(authorization_url(hostile, "acme-corp"), None, "{hostile}");
        let parsed = SsoHeader::parse(&format!("required; url={hostile}"), "acme-corp");
        assert_eq!(parsed, Some(SsoHeader::Required { url: None }), "{hostile}");
    }
}

#[test]
fn partial_results_lists_organization_ids() {
    let parsed = SsoHeader::parse(
        "partial-results; organizations=21955855,20582480",
        "acme-corp",
    );
    assert_eq!(
        parsed,
        Some(SsoHeader::PartialResults {
            organizations: vec![21955855, 20582480]
        })
    );
    assert_eq!(SsoHeader::parse("something-else", "acme-corp"), None);
    assert_eq!(
        SsoHeader::parse("REQUIRED", "acme-corp"),
        Some(SsoHeader::Required { url: None })
    );
}
