//! Configuration actions. A `Writer` exists only while the gate is open (`Session::writer`),
//! and every action it performs is written to the activity log with its outcome and GitHub's
//! request id, whether it succeeded or not.
use console_core::activity::Activity;
use leptos::prelude::*;
use scim::patch::PatchRequest;
use scim::provision::UserRequest;
use scim::ScimUser;

use super::Session;
use crate::api::{ApiError, Cancel, Done, ErrorKind};

#[derive(Clone)]
pub struct Writer {
    session: Session,
}

impl Writer {
    pub(super) fn new(session: Session) -> Self {
        Self { session }
    }

    pub async fn provision(&self, request: &UserRequest) -> Result<Done<ScimUser>, ApiError> {
        let result = self
            .session
            .client
            .create_user(request, &Cancel::new())
            .await;
        self.record("provision", &request.user_name, &result);
        if let Ok(done) = &result {
            self.session.members.upsert(&done.value);
        }
        result
    }

    pub async fn replace(
        &self,
        id: &str,
        request: &UserRequest,
    ) -> Result<Done<ScimUser>, ApiError> {
        let result = self
            .session
            .client
            .replace_user(id, request, &Cancel::new())
            .await;
        self.record("replace", &request.user_name, &result);
        self.apply(id, &result);
        result
    }

    pub async fn patch(
        &self,
        id: &str,
        user_name: &str,
        patch: &PatchRequest,
    ) -> Result<Done<ScimUser>, ApiError> {
        let result = self
            .session
            .client
            .patch_user(id, patch, &Cancel::new())
            .await;
        self.record("patch", user_name, &result);
        self.apply(id, &result);
        result
    }

    /// DELETE; a 404 means someone (or an earlier attempt) already removed it, which is the
    /// outcome the owner asked for, and is recorded as such.
    pub async fn deprovision(&self, id: &str, user_name: &str) -> Result<Done<()>, ApiError> {
        let result = match self.session.client.delete_user(id, &Cancel::new()).await {
            Err(e) if e.kind == ErrorKind::NotFound => Ok(Done {
                value: (),
                request_id: e.request_id,
                confirmed_by_lookup: true,
            }),
            other => other,
        };
        self.record_with(
            "deprovision",
            user_name,
            id,
            match &result {
                Ok(done) if done.confirmed_by_lookup => {
                    ("done (already removed)".into(), done.request_id.clone())
                }
                Ok(done) => ("done".into(), done.request_id.clone()),
                Err(e) => (format!("failed: {e}"), e.request_id.clone()),
            },
        );
        if result.is_ok() {
            self.session.members.remove(id);
        }
        result
    }

    fn apply(&self, id: &str, result: &Result<Done<ScimUser>, ApiError>) {
        match result {
            Ok(done) if done.value.active => self.session.members.upsert(&done.value),
            // active=false removes the identity on GitHub.
            Ok(_) => self.session.members.remove(id),
            Err(_) => {}
        }
    }

    fn record(&self, action: &str, user_name: &str, result: &Result<Done<ScimUser>, ApiError>) {
        let (id, outcome) = match result {
            Ok(done) => (
                done.value.id.clone(),
                (
                    if done.confirmed_by_lookup {
                        "done (confirmed by look-up)"
                    } else {
                        "done"
                    }
                    .to_owned(),
                    done.request_id.clone(),
                ),
            ),
            Err(e) => (
                String::new(),
                (format!("failed: {e}"), e.request_id.clone()),
            ),
        };
        self.record_with(action, user_name, &id, outcome);
    }

    fn record_with(
        &self,
        action: &str,
        identity: &str,
        id: &str,
        (outcome, request_id): (String, Option<String>),
    ) {
        let entry = Activity {
            time: now_rfc3339(),
            action: action.to_owned(),
            identity: identity.to_owned(),
            scim_user_id: id.to_owned(),
            outcome,
            request_id: request_id.unwrap_or_default(),
        };
        self.session.activity.update(|log| log.push(entry));
    }
}

fn now_rfc3339() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}
