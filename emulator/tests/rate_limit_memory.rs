//! Rate-limit budgets do not pile up: one per known token, forgotten when its window ends, and
//! requests with made-up tokens share one budget instead of creating one each.
mod common;

use axum::http::Method;
use common::*;
use emulator::rate_limit::RateLimits;

const HOUR: u64 = 3_600;

#[test]
fn a_budget_is_forgotten_once_its_window_has_ended() {
    let limits = RateLimits::new(5_000);
    let t0 = 1_800_000_000;
    for key in 0..1_000 {
        limits.take(&format!("token-{key}"), t0 + key % 60);
    }
    assert_eq!(limits.tracked(), 1_000);
    // Within the window, all are kept (their counts still matter).
    limits.take("token-0", t0 + HOUR - 1);
    assert_eq!(limits.tracked(), 1_000);
    // Once the windows have ended, only the budget in use remains.
    limits.take("token-0", t0 + HOUR + 60);
    assert_eq!(limits.tracked(), 1);
    // And it starts a fresh window.
    let (_, allowed) = limits.take("token-0", t0 + HOUR + 61);
    assert!(allowed);
}

#[tokio::test]
async fn made_up_tokens_share_one_budget() {
    let emulator = emulator(0);
    let router = router(&emulator);
    for i in 0..200 {
        let answer = send(
            &router,
            Method::GET,
            USERS,
            Some(&format!("forged-{i}")),
            None,
        )
        .await;
        assert_eq!(answer.header("x-ratelimit-used"), (i + 1).to_string());
    }
    send(&router, Method::GET, USERS, None, None).await;
    get(&router, USERS).await;
    assert_eq!(
        emulator.rate.tracked(),
        2,
        "the shared budget and the known token's"
    );
}
