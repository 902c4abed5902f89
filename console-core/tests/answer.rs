//! One classification of GitHub's answers, shared by the retry decision, the error shown and the
//! gate: rate limits, SSO refusals and the rest.
use console_core::answer::{Answer, GraphqlErrors, Response};
use console_core::retry::RateLimit;

const ORG: &str = "acme-corp";
const NOW: u64 = 1_800_000_000;

fn classify(status: u16, sso: Option<&str>, limits: RateLimit) -> Answer {
    let response = Response {
        status,
        sso,
        limits,
        ..Response::default()
    };
    Answer::classify(&response, ORG, NOW)
}

#[test]
fn statuses() {
    let none = RateLimit::default;
    assert_eq!(
        classify(201, None, none()),
        Answer::Success { scopes: None }
    );
    assert_eq!(classify(401, None, none()), Answer::BadCredentials);
    assert_eq!(classify(403, None, none()), Answer::Forbidden);
    assert_eq!(classify(404, None, none()), Answer::NotFound);
    assert_eq!(classify(409, None, none()), Answer::Conflict);
    for s in [400, 413, 422] {
        assert_eq!(classify(s, None, none()), Answer::Invalid);
    }
    assert_eq!(classify(502, None, none()), Answer::Server(502));
    assert_eq!(classify(302, None, none()), Answer::Unexpected(302));
}

#[test]
fn rate_limits_wait_as_github_says() {
    let secondary = RateLimit {
        retry_after: Some(7),
        ..RateLimit::default()
    };
    let primary = RateLimit {
        remaining: Some(0),
        reset: Some(NOW + 42),
        ..RateLimit::default()
    };
    let empty_no_reset = RateLimit {
        remaining: Some(0),
        ..RateLimit::default()
    };
    let limited = |wait| Answer::RateLimited { wait_s: wait };
    assert_eq!(classify(429, None, RateLimit::default()), limited(None));
    assert_eq!(classify(429, None, secondary), limited(Some(7)));
    assert_eq!(classify(403, None, secondary), limited(Some(7)));
    assert_eq!(classify(403, None, primary), limited(Some(42)));
    // Nothing remaining and no reset: still a rate limit, wait unknown (the retry decision
    // then waits a minute). Two classifiers once disagreed on exactly this.
    assert_eq!(classify(403, None, empty_no_reset), limited(None));
}

#[test]
fn sso_refusals_come_first_even_with_rate_limit_signs() {
    let header = "required; url=https://github.com/orgs/acme-corp/sso?authorization_request=x";
    let url = Some("https://github.com/orgs/acme-corp/sso?authorization_request=x".to_owned());
    let empty = RateLimit {
        remaining: Some(0),
        retry_after: Some(5),
        ..RateLimit::default()
    };
    for status in [403, 404] {
        assert_eq!(
            classify(status, Some(header), empty),
            Answer::SsoRequired { url: url.clone() }
        );
    }
    // A link to anywhere else is dropped, the refusal stays.
    let evil = "required; url=https://github.com.evil.example/orgs/acme-corp/sso";
    assert_eq!(
        classify(403, Some(evil), RateLimit::default()),
        Answer::SsoRequired { url: None }
    );
    // `partial-results` is not a refusal.
    let partial = "partial-results; organizations=1,2";
    assert_eq!(
        classify(403, Some(partial), RateLimit::default()),
        Answer::Forbidden
    );
}

const SAML_REFUSAL: &str = r#"{"data":{"organization":{"samlIdentityProvider":null}},
    "errors":[{"type":"FORBIDDEN","path":["organization","samlIdentityProvider"],
    "extensions":{"saml_failure":true},
    "message":"Resource protected by organization SAML enforcement."}]}"#;
const OUT_OF_POINTS: &str =
    r#"{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded for user ID 1."}]}"#;

fn graphql(status: u16, sso: Option<&str>, body: &str, limits: RateLimit) -> Answer {
    let response = Response {
        status,
        sso,
        limits,
        graphql: Some(GraphqlErrors::read(body)),
        ..Response::default()
    };
    Answer::classify(&response, ORG, NOW)
}

#[test]
fn graphql_errors_are_read_from_githubs_shape_only() {
    let read = GraphqlErrors::read;
    assert!(read(SAML_REFUSAL).saml_failure);
    assert!(!read(SAML_REFUSAL).rate_limited);
    assert!(read(OUT_OF_POINTS).rate_limited);
    for nothing in [
        r#"{"data":{},"errors":[{"type":"NOT_FOUND","message":"x"}]}"#,
        r#"{"data":{"organization":{"login":"errors"}}}"#,
        r#"{"errors":"saml_failure"}"#,
        r#"{"errors":[{"extensions":{"saml_failure":"true"}}]}"#,
        "not json",
        "",
    ] {
        assert_eq!(read(nothing), GraphqlErrors::default(), "{nothing}");
    }
}

#[test]
fn a_graphql_saml_refusal_is_an_sso_refusal_by_its_body_or_its_header() {
    let header = "required; url=https://github.com/orgs/acme-corp/sso?authorization_request=q";
    let url = Some("https://github.com/orgs/acme-corp/sso?authorization_request=q".to_owned());
    let none = RateLimit::default();
    assert_eq!(
        graphql(200, Some(header), SAML_REFUSAL, none),
        Answer::SsoRequired { url: url.clone() }
    );
    assert_eq!(
        graphql(200, None, SAML_REFUSAL, none),
        Answer::SsoRequired { url: None }
    );
    // The header alone says it too (GitHub's CLI reads the link from it).
    assert_eq!(
        graphql(200, Some(header), r#"{"data":{}}"#, none),
        Answer::SsoRequired { url }
    );
    // A REST success with the header is not a GraphQL refusal; `partial-results` never is.
    let rest = Response {
        status: 200,
        sso: Some(header),
        ..Response::default()
    };
    assert_eq!(
        Answer::classify(&rest, ORG, NOW),
        Answer::Success { scopes: None }
    );
    let partial = "partial-results; organizations=1,2";
    assert_eq!(
        graphql(200, Some(partial), r#"{"data":{}}"#, none),
        Answer::Success { scopes: None }
    );
}

#[test]
fn a_graphql_rate_limit_is_waited_out_until_the_reset() {
    let empty = RateLimit {
        remaining: Some(0),
        reset: Some(NOW + 90),
        ..RateLimit::default()
    };
    assert_eq!(
        graphql(200, None, OUT_OF_POINTS, empty),
        Answer::RateLimited { wait_s: Some(90) }
    );
    assert_eq!(
        graphql(200, None, OUT_OF_POINTS, RateLimit::default()),
        Answer::RateLimited { wait_s: None }
    );
    // The last point spent is still a success: the page came.
    assert_eq!(
        graphql(
            200,
            None,
            r#"{"data":{"rateLimit":{"remaining":0}}}"#,
            empty
        ),
        Answer::Success { scopes: None }
    );
    // Non-2xx GraphQL answers are classified by their status, as REST ones are.
    assert_eq!(
        graphql(401, None, OUT_OF_POINTS, empty),
        Answer::BadCredentials
    );
    assert_eq!(
        graphql(502, None, OUT_OF_POINTS, empty),
        Answer::Server(502)
    );
}

#[test]
fn what_is_ambiguous() {
    for a in [Answer::Network, Answer::Timeout, Answer::Server(500)] {
        assert!(a.is_ambiguous(), "{a:?}");
    }
    for a in [
        Answer::Success { scopes: None },
        Answer::RateLimited { wait_s: None },
        Answer::Conflict,
        Answer::NotFound,
        Answer::Forbidden,
    ] {
        assert!(!a.is_ambiguous(), "{a:?}");
    }
}
