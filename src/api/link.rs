//! The client's line to the session it serves: where it reads the gate before a write leaves,
//! where every answer's meaning goes, and where a rate-limit wait is shown.
use std::sync::{Arc, Mutex};

use console_core::answer::Answer;
use console_core::gate::{Call, Gate};
use leptos::prelude::*;

pub trait SessionLink: Send + Sync {
    /// The gate now; `None` once the session is gone (a write is then not sent).
    fn gate(&self) -> Option<Gate>;
    /// Feeds one answer to the gate.
    fn after(&self, call: Call, answer: &Answer);
    /// A rate-limit wait until `until_ms` (epoch ms) began, or (`None`) ended.
    fn waiting(&self, _until_ms: Option<f64>) {}
}

/// A gate of its own, for the probe made before a session exists.
#[derive(Debug, Default)]
pub struct LocalGate(Mutex<Option<Gate>>);

impl LocalGate {
    pub fn new(gate: Gate) -> Arc<Self> {
        Arc::new(Self(Mutex::new(Some(gate))))
    }
}

impl SessionLink for LocalGate {
    fn gate(&self) -> Option<Gate> {
        self.0.lock().ok()?.clone()
    }

    fn after(&self, call: Call, answer: &Answer) {
        if let Ok(mut gate) = self.0.lock() {
            *gate = gate.as_ref().map(|g| g.after(call, answer));
        }
    }
}

/// The session's signals: the one gate every view reads, and the rate-limit wait.
#[derive(Debug, Clone, Copy)]
pub struct GateSignals {
    pub gate: RwSignal<Gate>,
    pub rate_wait_until: RwSignal<Option<f64>>,
}

impl SessionLink for GateSignals {
    fn gate(&self) -> Option<Gate> {
        self.gate.try_get_untracked()
    }

    fn after(&self, call: Call, answer: &Answer) {
        let Some(next) = self.gate.try_with_untracked(|g| g.after(call, answer)) else {
            return;
        };
        if self.gate.try_with_untracked(|g| *g != next) == Some(true) {
            self.gate.try_set(next);
        }
    }

    fn waiting(&self, until_ms: Option<f64>) {
        if self.rate_wait_until.try_get_untracked() != Some(until_ms) {
            self.rate_wait_until.try_set(until_ms);
        }
    }
}
