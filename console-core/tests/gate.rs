//! The SAML gate, as a table: every kind of answer, from every gate state, for the probe, any
//! other read and a write. Answers are built from raw statuses and headers through the one
//! classifier, as the fetch layer builds them.
use console_core::answer::{Answer, GraphqlErrors, Response};
use console_core::gate::{Call, Gate};
use console_core::retry::RateLimit;

const ORG: &str = "acme-corp";
const NOW: u64 = 1_800_000_000;
const SSO: &str = "required; url=https://github.com/orgs/acme-corp/sso?authorization_request=AbC";

fn answer(status: u16, sso: Option<&str>, scopes: Option<&str>, limits: RateLimit) -> Answer {
    let response = Response {
        status,
        sso,
        scopes,
        limits,
        graphql: None,
        site: None,
    };
    Answer::classify(&response, ORG, NOW)
}

fn plain(status: u16) -> Answer {
    answer(status, None, None, RateLimit::default())
}

fn sso_link() -> Option<String> {
    Some("https://github.com/orgs/acme-corp/sso?authorization_request=AbC".into())
}

fn read_only_scopes() -> Gate {
    Gate::ReadOnly {
        why: "its scopes are “read:org”; writes need admin:org.".into(),
    }
}

fn states() -> Vec<Gate> {
    vec![
        Gate::Unchecked,
        Gate::Open,
        read_only_scopes(),
        Gate::SsoRequired { url: None },
        Gate::NoAccess { why: "x".into() },
        Gate::BadCredentials,
        Gate::SignedOutOfSite,
    ]
}

/// How closed a state is; a non-probe answer never makes the gate milder.
fn rank(gate: &Gate) -> usize {
    match gate {
        Gate::Unchecked | Gate::Open => 0,
        Gate::ReadOnly { .. } => 1,
        Gate::NoAccess { .. } => 2,
        Gate::SsoRequired { .. } => 3,
        Gate::BadCredentials => 4,
        Gate::SignedOutOfSite => 5,
    }
}

/// What one answer does for one kind of call.
#[derive(Clone)]
enum Effect {
    Unchanged,
    /// The probe sets the gate to exactly this, from any state.
    Sets(Gate),
    /// Closes it to at least this.
    Closes(Gate),
}

fn expected(from: &Gate, effect: &Effect) -> Gate {
    match effect {
        Effect::Unchanged => from.clone(),
        Effect::Sets(to) => to.clone(),
        Effect::Closes(to) if rank(to) >= rank(from) => to.clone(),
        Effect::Closes(_) => from.clone(),
    }
}

#[test]
fn every_answer_from_every_state_for_every_kind_of_call() {
    use Effect::*;
    let no_access_403 = Gate::NoAccess {
        why: "GitHub refused to list the organization's identities (403): the token needs \
              admin:org (classic) or the organization Members permission."
            .into(),
    };
    let no_access_404 = Gate::NoAccess {
        why: "The organization was not found, or it has no SCIM provisioning for this token \
              (SAML SSO must be enabled, and the token's owner must be an organization owner)."
            .into(),
    };
    let refused_write = Gate::ReadOnly {
        why: "GitHub refused a write (403); the token lacks write permission.".into(),
    };
    let sso = Gate::SsoRequired { url: sso_link() };
    let secondary = RateLimit {
        retry_after: Some(30),
        ..RateLimit::default()
    };
    let primary = RateLimit {
        remaining: Some(0),
        reset: Some(NOW + 60),
        ..RateLimit::default()
    };
    let graphql = |sso: Option<&'static str>, body: &str, limits: RateLimit| {
        let response = Response {
            status: 200,
            sso,
            limits,
            graphql: Some(GraphqlErrors::read(body)),
            ..Response::default()
        };
        Answer::classify(&response, ORG, NOW)
    };
    let refusal = r#"{"errors":[{"type":"FORBIDDEN","extensions":{"saml_failure":true}}]}"#;
    let graphql_sso = graphql(Some(SSO), refusal, RateLimit::default());
    let graphql_sso_body_only = graphql(None, refusal, RateLimit::default());
    let graphql_sso_header_only = graphql(Some(SSO), r#"{"data":{}}"#, RateLimit::default());
    let graphql_limited = graphql(None, r#"{"errors":[{"type":"RATE_LIMITED"}]}"#, primary);
    let graphql_page = graphql(
        None,
        r#"{"data":{"organization":{}}}"#,
        RateLimit::default(),
    );
    let sso_no_link = Gate::SsoRequired { url: None };
    // `org read`: members, invitations, credential authorizations, GraphQL identities.
    #[rustfmt::skip]
    let table: Vec<(&str, Answer, Effect, Effect, Effect, Effect)> = vec![
        // answer                         probe                          read                    org read                write
        ("200, classic admin:org", answer(200, None, Some("admin:org, repo"), RateLimit::default()),
                                          Sets(Gate::Open),              Unchanged,              Unchanged,              Unchanged),
        ("200, fine-grained (no scopes)", plain(200), Sets(Gate::Open),  Unchanged,              Unchanged,              Unchanged),
        ("200, classic read:org", answer(200, None, Some("read:org"), RateLimit::default()),
                                          Sets(read_only_scopes()),      Unchanged,              Unchanged,              Unchanged),
        ("401",                 plain(401), Sets(Gate::BadCredentials),  Closes(Gate::BadCredentials), Closes(Gate::BadCredentials), Closes(Gate::BadCredentials)),
        ("401 from the site",   Answer::SignedOutOfSite, Sets(Gate::SignedOutOfSite), Closes(Gate::SignedOutOfSite), Closes(Gate::SignedOutOfSite), Closes(Gate::SignedOutOfSite)),
        ("403 plain",           plain(403), Sets(no_access_403.clone()), Closes(no_access_403),  Unchanged,              Closes(refused_write)),
        ("403 + X-GitHub-SSO",  answer(403, Some(SSO), None, RateLimit::default()),
                                            Sets(sso.clone()),           Closes(sso.clone()),    Closes(sso.clone()),    Closes(sso.clone())),
        ("403 + SSO, nothing remaining", answer(403, Some(SSO), None, primary),
                                            Sets(sso.clone()),           Closes(sso.clone()),    Closes(sso.clone()),    Closes(sso.clone())),
        ("404 plain",           plain(404), Sets(no_access_404),         Unchanged,              Unchanged,              Unchanged),
        ("404 + X-GitHub-SSO",  answer(404, Some(SSO), None, RateLimit::default()),
                                            Sets(sso.clone()),           Closes(sso.clone()),    Closes(sso.clone()),    Closes(sso.clone())),
        ("GraphQL 200, saml_failure + header", graphql_sso, Sets(sso.clone()), Closes(sso.clone()), Closes(sso.clone()), Closes(sso.clone())),
        ("GraphQL 200, saml_failure only", graphql_sso_body_only, Sets(sso_no_link.clone()), Closes(sso_no_link.clone()), Closes(sso_no_link.clone()), Closes(sso_no_link)),
        ("GraphQL 200, header only", graphql_sso_header_only, Sets(sso.clone()), Closes(sso.clone()), Closes(sso.clone()), Closes(sso)),
        ("GraphQL 200, RATE_LIMITED", graphql_limited, Unchanged,        Unchanged,              Unchanged,              Unchanged),
        ("GraphQL 200, a page", graphql_page, Sets(Gate::Open),          Unchanged,              Unchanged,              Unchanged),
        ("429",                 plain(429), Unchanged,                   Unchanged,              Unchanged,              Unchanged),
        ("403 secondary rate limit", answer(403, None, None, secondary), Unchanged, Unchanged,   Unchanged,              Unchanged),
        ("403 primary rate limit", answer(403, None, None, primary), Unchanged, Unchanged,       Unchanged,              Unchanged),
        ("network error",       Answer::Network, Unchanged,              Unchanged,              Unchanged,              Unchanged),
        ("timeout",             Answer::Timeout, Unchanged,              Unchanged,              Unchanged,              Unchanged),
        ("500",                 plain(500), Unchanged,                   Unchanged,              Unchanged,              Unchanged),
        ("409",                 plain(409), Unchanged,                   Unchanged,              Unchanged,              Unchanged),
        ("400",                 plain(400), Unchanged,                   Unchanged,              Unchanged,              Unchanged),
    ];
    let mut checked = 0;
    for (name, answer, probe, read, org_read, write) in &table {
        for from in states() {
            for (call, effect) in [
                (Call::Probe, probe),
                (Call::Read, read),
                (Call::OrgRead, org_read),
                (Call::Write, write),
            ] {
                assert_eq!(
                    from.after(call, answer),
                    expected(&from, effect),
                    "{name} on a {call:?} from {from:?}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, table.len() * states().len() * 4);
}

#[test]
fn only_the_probe_opens_the_gate() {
    let ok = plain(200);
    for from in states() {
        assert_eq!(from.after(Call::Probe, &ok), Gate::Open);
        for call in [Call::Read, Call::OrgRead, Call::Write] {
            assert_eq!(
                from.after(call, &ok).can_write(),
                from.can_write(),
                "{call:?} {from:?}"
            );
        }
    }
}

#[test]
fn a_403_on_a_write_closes_an_open_gate() {
    let closed = Gate::Open.after(Call::Write, &plain(403));
    assert!(!closed.can_write());
    assert!(closed.can_read(), "reading still works");
    assert_eq!(closed.label(), "Read-only");
}

#[test]
fn a_plain_403_on_the_probe_does_not_open_a_console_that_cannot_read() {
    let gate = Gate::Unchecked.after(Call::Probe, &plain(403));
    assert!(!gate.opens_console());
    assert!(!gate.can_read() && !gate.can_write());
    assert!(gate.reason().contains("admin:org"), "{}", gate.reason());
}

#[test]
fn rate_limits_and_lost_answers_never_change_the_gate() {
    let limited = answer(
        403,
        None,
        None,
        RateLimit {
            remaining: Some(0),
            ..RateLimit::default()
        },
    );
    for from in states() {
        for a in [
            plain(429),
            limited.clone(),
            Answer::Network,
            Answer::Timeout,
            plain(502),
        ] {
            for call in [Call::Probe, Call::Read, Call::OrgRead, Call::Write] {
                assert_eq!(from.after(call, &a), from, "{a:?} on {call:?}");
            }
        }
    }
}

#[test]
fn which_states_allow_what() {
    let rows = [
        (Gate::Unchecked, false, false, false),
        (Gate::Open, true, true, true),
        (read_only_scopes(), false, true, true),
        (Gate::SsoRequired { url: None }, false, false, true),
        (Gate::NoAccess { why: "x".into() }, false, false, false),
        (Gate::BadCredentials, false, false, false),
    ];
    for (gate, write, read, opens) in rows {
        assert_eq!(
            (gate.can_write(), gate.can_read(), gate.opens_console()),
            (write, read, opens),
            "{gate:?}"
        );
        assert_eq!(
            gate.reason().is_empty(),
            write,
            "a closed gate says why: {gate:?}"
        );
    }
}

#[test]
fn a_plain_403_on_a_drift_read_is_that_panels_error_not_the_consoles() {
    // Credential authorizations need a permission the SCIM identities do not: the console
    // stays open for everything else.
    for from in [Gate::Open, read_only_scopes()] {
        assert_eq!(from.after(Call::OrgRead, &plain(403)), from);
        assert_eq!(from.after(Call::OrgRead, &plain(404)), from);
    }
    // The same answer on the SCIM identities says the token cannot read at all.
    assert!(!Gate::Open.after(Call::Read, &plain(403)).can_read());
    // An SSO refusal still closes the gate, from any read.
    let sso = answer(403, Some(SSO), None, RateLimit::default());
    assert!(!Gate::Open.after(Call::OrgRead, &sso).can_write());
}
