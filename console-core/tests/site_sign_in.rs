//! Proxy mode behind a sign-in gateway: when the owner's sign-in to the site expires, the site
//! (nginx) answers the console's calls itself with a 401 marked `X-Scim-Admin-Site:
//! signed-out`. That is not GitHub rejecting the token: nothing reached GitHub, so a write is
//! "not sent", nothing is retried, and the gate closes until the owner signs in again and the
//! probe ("Check again") finds the token as it is.
use console_core::answer::{Answer, Response};
use console_core::exactly_once::{unsettled, Unsettled};
use console_core::gate::{Call, Gate};
use console_core::retry::{decide, Attempt, Decision, Method, RetryPolicy};

const ORG: &str = "acme-corp";
const NOW: u64 = 1_800_000_000;

fn classify(status: u16, site: Option<&str>) -> Answer {
    let response = Response {
        status,
        site,
        ..Response::default()
    };
    Answer::classify(&response, ORG, NOW)
}

#[test]
fn only_the_sites_marked_401_is_a_site_sign_out() {
    assert_eq!(classify(401, Some("signed-out")), Answer::SignedOutOfSite);
    assert_eq!(classify(401, None), Answer::BadCredentials);
    assert_eq!(
        classify(401, Some("something-else")),
        Answer::BadCredentials
    );
    // The mark means nothing on another status (GitHub never sends it).
    assert_eq!(
        classify(200, Some("signed-out")),
        Answer::Success { scopes: None }
    );
    assert_eq!(classify(403, Some("signed-out")), Answer::Forbidden);
}

#[test]
fn it_closes_the_gate_for_every_call_until_the_probe_finds_otherwise() {
    let out = Answer::SignedOutOfSite;
    for call in [Call::Probe, Call::Read, Call::OrgRead, Call::Write] {
        for from in [
            Gate::Open,
            Gate::Unchecked,
            Gate::SsoRequired { url: None },
            Gate::BadCredentials,
        ] {
            assert_eq!(
                from.after(call, &out),
                Gate::SignedOutOfSite,
                "{call:?} from {from:?}"
            );
        }
    }
    let gate = Gate::SignedOutOfSite;
    assert!(!gate.can_write() && !gate.can_read());
    assert!(
        gate.opens_console(),
        "the console stays, to offer signing in again"
    );
    assert!(gate.reason().contains("signed out of this site"));
    // A GitHub answer arriving late does not hide it; the probe after signing in does.
    assert_eq!(
        gate.after(Call::Read, &Answer::BadCredentials),
        Gate::SignedOutOfSite
    );
    assert_eq!(
        gate.after(Call::Probe, &Answer::Success { scopes: None }),
        Gate::Open
    );
}

#[test]
fn a_write_it_answered_is_not_sent_and_not_retried() {
    assert_eq!(
        unsettled(Some(&Answer::SignedOutOfSite), false),
        Unsettled::NotSent
    );
    // An earlier attempt that got no answer may still have been performed.
    assert_eq!(
        unsettled(Some(&Answer::SignedOutOfSite), true),
        Unsettled::Unknown
    );
    for method in [Method::Get, Method::Post, Method::Delete] {
        let attempt = Attempt {
            method,
            number: 1,
            elapsed_ms: 0,
        };
        let decision = decide(
            &RetryPolicy::default(),
            &attempt,
            &Answer::SignedOutOfSite,
            0.5,
        );
        assert_eq!(decision, Decision::GiveUp, "{method:?}");
    }
}
