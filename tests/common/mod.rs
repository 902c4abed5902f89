//! What the in-browser fetch-layer tests share: the emulator's address, a session's side of the
//! client (`Recorder`), a client whose gate is open, and the emulator's test interface.
#![allow(dead_code)] // each test crate uses its own part

use std::sync::{Arc, Mutex};

use console_core::answer::Answer;
use console_core::gate::{Call, Gate};
use gloo_net::http::Request;
use scim_admin::api::{ApiClient, SessionLink};
use scim_admin::config::{Mode, RuntimeConfig};
use serde_json::{json, Value};

pub const API: &str = match option_env!("SCIM_TEST_API") {
    Some(url) => url,
    None => "http://127.0.0.1:28789",
};
pub const ORG: &str = "acme-corp";

/// A session's side of the client, as a test sees it: the gate (open, as after a probe) and
/// the rate-limit waits announced.
#[derive(Default)]
pub struct Recorder {
    pub gate: Mutex<Option<Gate>>,
    pub waits: Mutex<Vec<Option<f64>>>,
}

impl SessionLink for Recorder {
    fn gate(&self) -> Option<Gate> {
        self.gate.lock().unwrap().clone()
    }
    fn after(&self, call: Call, answer: &Answer) {
        let mut gate = self.gate.lock().unwrap();
        *gate = gate.as_ref().map(|g| g.after(call, answer));
    }
    fn waiting(&self, until_ms: Option<f64>) {
        self.waits.lock().unwrap().push(until_ms);
    }
}

impl Recorder {
    pub fn set(&self, gate: Gate) {
        *self.gate.lock().unwrap() = Some(gate);
    }
    pub fn now(&self) -> Gate {
        self.gate().unwrap()
    }
}

/// A client of `ORG` whose gate is open, as after a probe.
pub fn client(token: &str, mode: Mode) -> (ApiClient, Arc<Recorder>) {
    let config = RuntimeConfig {
        mode,
        api_base: API.into(),
        org: ORG.into(),
        lock_api_base: false,
        saved_copy: Default::default(),
    };
    let link = Arc::new(Recorder::default());
    link.set(Gate::Open);
    let client = ApiClient::new(&config, ORG, token).with_link(link.clone());
    (client, link)
}

pub async fn control(path: &str, body: Value) {
    let response = Request::post(&format!("{API}/_emulator/{path}"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .unwrap()
        .send()
        .await
        .unwrap();
    assert!(response.ok(), "{path}: {}", response.status());
}

pub async fn reset() {
    control("reset", json!(null)).await;
}
