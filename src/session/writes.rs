//! The session's configuration actions. Each is recorded in the journal before its request
//! leaves and settled after, whatever happens; the client asks the gate as each attempt
//! leaves. Pages run them through `Action`s; bulk runs through `bulk`.
use console_core::activity::Outcome;
use leptos::prelude::*;
use scim::patch::PatchRequest;
use scim::provision::UserRequest;
use scim::ScimUser;

use super::journal::outcome_of;
use super::Session;
use crate::api::{ApiClient, ApiError, Cancel, Done};

impl Session {
    /// The client, or "not sent: disconnected" once the session is gone.
    fn writer(self) -> Result<ApiClient, ApiError> {
        self.client
            .try_get_value()
            .ok_or_else(|| ApiError::not_sent(None))
    }

    fn settle<T>(self, entry: u64, result: &Result<Done<T>, ApiError>, id: Option<&str>) {
        let request_id = match result {
            Ok(done) => done.request_id.as_deref(),
            Err(e) => e.request_id.as_deref(),
        };
        self.journal
            .settle(entry, outcome_of(result), id, request_id);
    }

    pub async fn provision(self, request: UserRequest) -> Result<Done<ScimUser>, ApiError> {
        let entry = self
            .journal
            .record("provision", &request.user_name, "", Outcome::InFlight);
        let result = match self.writer() {
            Ok(client) => client.create_user(&request, &Cancel::new()).await,
            Err(e) => Err(e),
        };
        let id = result.as_ref().ok().map(|d| d.value.id.clone());
        self.settle(entry, &result, id.as_deref());
        if let Ok(done) = &result {
            self.members.upsert(&done.value);
        }
        result
    }

    /// PUT `body` (the whole identity, `console_core::untouched::replacement`).
    pub async fn replace(
        self,
        id: String,
        user_name: String,
        body: serde_json::Value,
    ) -> Result<Done<ScimUser>, ApiError> {
        let entry = self
            .journal
            .record("edit", &user_name, &id, Outcome::InFlight);
        let result = match self.writer() {
            Ok(client) => client.replace_user(&id, &body, &Cancel::new()).await,
            Err(e) => Err(e),
        };
        self.settle(entry, &result, None);
        self.apply(&id, &result);
        result
    }

    pub async fn patch(
        self,
        id: String,
        user_name: String,
        patch: PatchRequest,
    ) -> Result<Done<ScimUser>, ApiError> {
        let entry = self
            .journal
            .record("quick change", &user_name, &id, Outcome::InFlight);
        let result = match self.writer() {
            Ok(client) => client.patch_user(&id, &patch, &Cancel::new()).await,
            Err(e) => Err(e),
        };
        self.settle(entry, &result, None);
        self.apply(&id, &result);
        result
    }

    /// DELETE for the journal entry `entry` (recorded by the bulk run that sends it).
    pub async fn deprovision(self, entry: u64, id: &str) -> Result<Done<()>, ApiError> {
        self.journal.settle(entry, Outcome::InFlight, None, None);
        let result = match self.writer() {
            Ok(client) => client.delete_user(id, &Cancel::new()).await,
            Err(e) => Err(e),
        };
        self.settle(entry, &result, None);
        if result.is_ok() {
            self.members.remove(id);
        }
        result
    }

    fn apply(self, id: &str, result: &Result<Done<ScimUser>, ApiError>) {
        match result {
            Ok(done) if done.value.active => self.members.upsert(&done.value),
            // active=false removes the identity on GitHub.
            Ok(_) => self.members.remove(id),
            Err(_) => {}
        }
    }
}
