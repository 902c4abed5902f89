//! Cancellation and waiting. A `Cancel` wraps an `AbortController`: aborting it stops the fetches
//! that carry its signal and every retry wait, so nothing keeps running after its view is gone.
use send_wrapper::SendWrapper;
use web_sys::{AbortController, AbortSignal};

use super::error::{ApiError, ErrorKind};

/// Clone shares the controller. `SendWrapper` because Leptos cleanups must be `Send`; wasm has
/// one thread, so it is never actually sent.
#[derive(Clone, Debug)]
pub struct Cancel(SendWrapper<Option<AbortController>>);

impl Default for Cancel {
    fn default() -> Self {
        Self::new()
    }
}

impl Cancel {
    pub fn new() -> Self {
        Self(SendWrapper::new(AbortController::new().ok()))
    }

    pub fn cancel(&self) {
        if let Some(controller) = self.0.as_ref() {
            controller.abort();
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.signal().is_some_and(|s| s.aborted())
    }

    pub fn signal(&self) -> Option<AbortSignal> {
        self.0.as_ref().map(AbortController::signal)
    }

    pub fn check(&self) -> Result<(), ApiError> {
        if self.is_cancelled() {
            Err(ApiError::local(ErrorKind::Cancelled, "cancelled"))
        } else {
            Ok(())
        }
    }
}

/// Waits `ms` milliseconds, in steps of at most 100 ms, so that a cancel ends the wait within
/// one step (the step's timer itself is not cleared).
pub async fn sleep(ms: u64, cancel: &Cancel) -> Result<(), ApiError> {
    sleep_unless(ms, cancel, || false).await
}

/// Like `sleep`, but also ends early (with `Ok`) as soon as `done()` is true: a write waiting
/// out a rate limit stops waiting when the gate closes.
pub async fn sleep_unless(
    ms: u64,
    cancel: &Cancel,
    done: impl Fn() -> bool,
) -> Result<(), ApiError> {
    let end = now_ms() + ms as f64;
    loop {
        cancel.check()?;
        let left = end - now_ms();
        if left <= 0.0 || done() {
            return Ok(());
        }
        timeout(left.min(100.0) as i32).await;
    }
}

async fn timeout(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
