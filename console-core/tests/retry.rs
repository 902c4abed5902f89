//! The retry decision: only where safe, honouring the server's wait, bounded in attempts and time.
use console_core::answer::{Answer, Response};
use console_core::retry::{decide, Attempt, Decision, Method, RateLimit, RetryPolicy};

const NOW: u64 = 1_800_000_000;

fn attempt(method: Method, number: u32) -> Attempt {
    Attempt {
        method,
        number,
        elapsed_ms: 0,
    }
}

/// What an attempt got, as the fetch layer classifies it.
#[derive(Debug, Clone, Copy)]
enum Outcome {
    Network,
    Timeout,
    Status(u16),
}

fn classify(outcome: Outcome, limits: RateLimit) -> Answer {
    match outcome {
        Outcome::Network => Answer::Network,
        Outcome::Timeout => Answer::Timeout,
        Outcome::Status(status) => Answer::classify(
            &Response {
                status,
                limits,
                ..Response::default()
            },
            "acme-corp",
            NOW,
        ),
    }
}

fn decision(method: Method, outcome: Outcome, limits: RateLimit, number: u32) -> Decision {
    decide(
        &RetryPolicy::default(),
        &attempt(method, number),
        &classify(outcome, limits),
        0.0,
    )
}

#[test]
fn reads_the_rate_limit_headers() {
    let headers = [
        ("x-ratelimit-limit", "5000"),
        ("x-ratelimit-remaining", "0"),
        ("x-ratelimit-reset", "1800000030"),
        ("retry-after", " 7 "),
    ];
    let limits = RateLimit::from_headers(|name| {
        headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    });
    assert_eq!(
        limits,
        RateLimit {
            limit: Some(5000),
            remaining: Some(0),
            used: None,
            reset: Some(1_800_000_030),
            retry_after: Some(7)
        }
    );
    let garbage = RateLimit::from_headers(|_| Some("soon".into()));
    assert_eq!(garbage, RateLimit::default());
}

#[test]
fn ambiguous_failures_retry_only_idempotent_methods() {
    for outcome in [
        Outcome::Network,
        Outcome::Timeout,
        Outcome::Status(500),
        Outcome::Status(502),
    ] {
        for method in [Method::Get, Method::Put, Method::Delete] {
            assert!(
                matches!(
                    decision(method, outcome, RateLimit::default(), 1),
                    Decision::RetryAfterMs(_)
                ),
                "{method:?} {outcome:?}"
            );
        }
        for method in [Method::Post, Method::Patch] {
            assert_eq!(
                decision(method, outcome, RateLimit::default(), 1),
                Decision::GiveUp,
                "{method:?} {outcome:?}"
            );
        }
    }
}

#[test]
fn client_errors_are_never_retried() {
    for status in [400, 401, 404, 409, 413, 422] {
        assert_eq!(
            decision(
                Method::Get,
                Outcome::Status(status),
                RateLimit::default(),
                1
            ),
            Decision::GiveUp
        );
    }
    // A 403 without rate-limit signs (read-only token, SSO) is final too.
    let plenty = RateLimit {
        remaining: Some(10),
        ..RateLimit::default()
    };
    assert_eq!(
        decision(Method::Get, Outcome::Status(403), plenty, 1),
        Decision::GiveUp
    );
}

#[test]
fn rate_limits_wait_as_told_for_every_method() {
    let secondary = RateLimit {
        retry_after: Some(3),
        ..RateLimit::default()
    };
    assert_eq!(
        decision(Method::Post, Outcome::Status(429), secondary, 1),
        Decision::RetryAfterMs(3_000)
    );
    assert_eq!(
        decision(Method::Get, Outcome::Status(403), secondary, 1),
        Decision::RetryAfterMs(3_000)
    );
    let primary = RateLimit {
        remaining: Some(0),
        reset: Some(NOW + 42),
        ..RateLimit::default()
    };
    assert_eq!(
        decision(Method::Get, Outcome::Status(403), primary, 1),
        Decision::RetryAfterMs(42_000)
    );
    // 429 with nothing to go on: at least a minute.
    assert_eq!(
        decision(Method::Get, Outcome::Status(429), RateLimit::default(), 1),
        Decision::RetryAfterMs(60_000)
    );
}

#[test]
fn backoff_grows_with_jitter_and_stops_at_the_bounds() {
    let policy = RetryPolicy::default();
    let delay = |number, jitter| match decide(
        &policy,
        &attempt(Method::Get, number),
        &Answer::Server(503),
        jitter,
    ) {
        Decision::RetryAfterMs(ms) => ms,
        Decision::GiveUp => 0,
    };
    assert_eq!((delay(1, 0.0), delay(1, 1.0)), (250, 500));
    assert_eq!((delay(2, 0.0), delay(3, 0.0)), (500, 1_000));
    assert_eq!(delay(policy.max_attempts, 0.5), 0, "attempts are bounded");
    let late = Attempt {
        elapsed_ms: policy.budget_ms,
        ..attempt(Method::Get, 1)
    };
    assert_eq!(
        decide(&policy, &late, &Answer::Network, 0.0),
        Decision::GiveUp,
        "time is bounded"
    );
    let far = RateLimit {
        remaining: Some(0),
        reset: Some(NOW + 3_600),
        ..RateLimit::default()
    };
    assert_eq!(
        decision(Method::Get, Outcome::Status(403), far, 1),
        Decision::GiveUp,
        "an hour's wait is reported, not slept"
    );
}

#[test]
fn an_sso_refusal_is_final_even_when_it_also_says_nothing_remains() {
    let answer = Answer::classify(
        &Response {
            status: 403,
            sso: Some("required; url=https://github.com/orgs/acme-corp/sso"),
            limits: RateLimit {
                remaining: Some(0),
                retry_after: Some(1),
                ..RateLimit::default()
            },
            ..Response::default()
        },
        "acme-corp",
        NOW,
    );
    assert_eq!(
        decide(
            &RetryPolicy::default(),
            &attempt(Method::Get, 1),
            &answer,
            0.0
        ),
        Decision::GiveUp
    );
}
