//! Typed SCIM operations on top of `ApiClient::send`, each write with its exactly-once rule
//! (`console_core::exactly_once`): POST looks the `userName` up before it is sent and settles an
//! ambiguous answer or a 409 by looking again; PUT and DELETE are retried as idempotent, and a
//! DELETE's 404 counts as done only once a GET confirms; PATCH is never retried.
use console_core::answer::Answer;
use console_core::exactly_once::{
    delete_after_answer, delete_after_confirm, post_after_answer, post_after_lookup, DeleteNext,
    DeleteSettled, PostNext, PostSettled,
};
use console_core::gate::Call;
use console_core::page::Page;
use console_core::retry::Method;
use scim::patch::PatchRequest;
use scim::provision::UserRequest;
use scim::query::{percent_encode, EqFilter, FilterAttribute, ListQuery};
use scim::{ListResponse, ScimUser};

use super::cancel::Cancel;
use super::client::ApiClient;
use super::error::{ApiError, ErrorKind};
use super::load_all::PAGE_SIZE;
use super::transport::{Api, Reply};

/// A successful write and GitHub's request id (for the activity log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done<T> {
    pub value: T,
    pub request_id: Option<String>,
    /// How it was settled when not by a plain success (empty otherwise), for the record.
    pub note: String,
    /// GitHub's answer as sent (empty when it was settled by a look-up): what the page holds
    /// next, so a following save starts from GitHub's JSON, not the console's re-encoding.
    pub body: String,
}

fn undecodable(reply: &Reply, e: serde_json::Error) -> ApiError {
    ApiError {
        kind: ErrorKind::Undecodable,
        status: Some(reply.status),
        request_id: reply.request_id.clone(),
        ..ApiError::local(ErrorKind::Undecodable, e.to_string())
    }
}

pub(super) fn decode<T: serde::de::DeserializeOwned>(reply: &Reply) -> Result<T, ApiError> {
    serde_json::from_slice(&reply.body).map_err(|e| undecodable(reply, e))
}

/// A page of identities as the member table reads it (`console_core::page`).
pub fn decode_page(reply: &Reply) -> Result<Page, ApiError> {
    Page::from_slice(&reply.body).map_err(|e| undecodable(reply, e))
}

fn done<T>(value: T, reply: &Reply) -> Done<T> {
    Done {
        value,
        request_id: reply.request_id.clone(),
        note: String::new(),
        body: reply.text(),
    }
}

fn unconfirmed(error: ApiError, detail: String) -> ApiError {
    ApiError {
        kind: ErrorKind::Unconfirmed,
        detail,
        ..error
    }
    .maybe_performed(true)
}

impl ApiClient {
    /// `…/Users/{id}`, the id percent-encoded.
    pub fn user_url(&self, id: &str) -> String {
        self.users_url(&format!("/{}", percent_encode(id)))
    }

    /// The read that checks the token: what it finds is what the gate becomes. It is the first
    /// page of the identities (`startIndex=1`, a full page), so a console that opens on it
    /// starts its table with this answer instead of asking again.
    pub async fn probe(&self, cancel: &Cancel) -> Result<Reply, ApiError> {
        let query = ListQuery::page(1, PAGE_SIZE);
        let url = self.users_url(&format!("?{}", query.to_query_string()));
        self.send(Call::Probe, Method::Get, &url, None, cancel)
            .await
    }

    /// One page of identities, as table rows.
    pub async fn identities_page(
        &self,
        query: &ListQuery,
        cancel: &Cancel,
    ) -> Result<Page, ApiError> {
        let url = self.users_url(&format!("?{}", query.to_query_string()));
        decode_page(
            &self
                .send(Call::Read, Method::Get, &url, None, cancel)
                .await?,
        )
    }

    pub async fn list_users(
        &self,
        query: &ListQuery,
        cancel: &Cancel,
    ) -> Result<ListResponse, ApiError> {
        let url = self.users_url(&format!("?{}", query.to_query_string()));
        decode(
            &self
                .send(Call::Read, Method::Get, &url, None, cancel)
                .await?,
        )
    }

    /// The identity with this exact `userName` (case-insensitive), if any.
    pub async fn find_by_user_name(
        &self,
        user_name: &str,
        cancel: &Cancel,
    ) -> Result<Option<ScimUser>, ApiError> {
        let query = ListQuery::lookup(EqFilter::new(FilterAttribute::UserName, user_name));
        let list = self.list_users(&query, cancel).await?;
        Ok(list.resources.into_iter().next())
    }

    pub async fn get_user(&self, id: &str, cancel: &Cancel) -> Result<ScimUser, ApiError> {
        Ok(self.get_user_with_body(id, cancel).await?.0)
    }

    /// The identity and the body exactly as GitHub sent it (for "show raw JSON").
    pub async fn get_user_with_body(
        &self,
        id: &str,
        cancel: &Cancel,
    ) -> Result<(ScimUser, String), ApiError> {
        let url = self.user_url(id);
        let reply = self
            .send(Call::Read, Method::Get, &url, None, cancel)
            .await?;
        Ok((decode(&reply)?, reply.text()))
    }

    /// POST, exactly once. The `userName` is looked up first: if it exists nothing is sent. A
    /// 409 or an ambiguous answer afterwards is settled by looking it up again: found with the
    /// values sent, this console created it; absent after an ambiguous answer, it is sent once
    /// more (the gate is asked again).
    pub async fn create_user(
        &self,
        request: &UserRequest,
        cancel: &Cancel,
    ) -> Result<Done<ScimUser>, ApiError> {
        if let Some(refused) = self.refusal() {
            return Err(refused);
        }
        if let Some(existing) = self.find_by_user_name(&request.user_name, cancel).await? {
            return Err(ApiError::local(
                ErrorKind::Conflict,
                format!(
                    "userName “{}” is already provisioned (scim_user_id {}); nothing was sent.",
                    request.user_name, existing.id
                ),
            ));
        }
        let body = request.to_json();
        let url = self.users_url("");
        let mut posts = 0;
        loop {
            posts += 1;
            let sent = self
                .send(Call::Write, Method::Post, &url, Some(&body), cancel)
                .await;
            let error = match sent {
                Ok(reply) => return Ok(done(decode(&reply)?, &reply)),
                Err(error) => error,
            };
            let Some(answer) = error.answer.clone() else {
                return Err(error.maybe_performed(posts > 1)); // not sent now
            };
            if post_after_answer(&answer) != PostNext::LookUp {
                return Err(error.maybe_performed(posts > 1));
            }
            let found = match self.find_by_user_name(&request.user_name, cancel).await {
                Ok(found) => found,
                Err(lookup) => {
                    let detail = format!(
                        "{error}; checking for {} failed too: {lookup}",
                        request.user_name
                    );
                    return Err(unconfirmed(error, detail));
                }
            };
            match post_after_lookup(&answer, posts, request, found.as_ref()) {
                PostSettled::CreatedByUs => {
                    let note = if answer == Answer::Conflict {
                        "created by this console: GitHub's answer was lost and a repeat of the request met it"
                    } else {
                        "created: GitHub's answer was lost, confirmed by look-up"
                    };
                    return Ok(Done {
                        value: found.ok_or_else(|| error.clone())?,
                        request_id: error.request_id,
                        note: note.into(),
                        body: String::new(),
                    });
                }
                PostSettled::SendAgain => continue,
                PostSettled::Conflict => return Err(error),
                PostSettled::Unknown => {
                    let detail = format!(
                        "{} got no answer twice and is not there yet",
                        request.user_name
                    );
                    return Err(unconfirmed(error, detail));
                }
            }
        }
    }

    /// PUT: replaces the whole identity with `body`; idempotent, so retried where safe.
    pub async fn replace_user(
        &self,
        id: &str,
        body: &serde_json::Value,
        cancel: &Cancel,
    ) -> Result<Done<ScimUser>, ApiError> {
        let (url, body) = (self.user_url(id), body.to_string());
        let reply = self
            .send(Call::Write, Method::Put, &url, Some(&body), cancel)
            .await?;
        Ok(done(decode(&reply)?, &reply))
    }

    /// PATCH: not idempotent (`add` appends), so never retried: an ambiguous answer is
    /// reported as an unknown outcome.
    pub async fn patch_user(
        &self,
        id: &str,
        patch: &PatchRequest,
        cancel: &Cancel,
    ) -> Result<Done<ScimUser>, ApiError> {
        let (url, body) = (self.user_url(id), patch.to_json());
        match self
            .send(Call::Write, Method::Patch, &url, Some(&body), cancel)
            .await
        {
            Ok(reply) => Ok(done(decode(&reply)?, &reply)),
            Err(error) if error.answer.as_ref().is_some_and(|a| a.is_ambiguous()) => {
                let detail = error.to_string();
                Err(unconfirmed(error, detail))
            }
            Err(error) => Err(error),
        }
    }

    /// DELETE: 204 is done. A 404 without `X-GitHub-SSO` is done only once a GET confirms the
    /// identity is gone (a 404 with it is an SSO refusal: the gate closes, nothing is done).
    pub async fn delete_user(&self, id: &str, cancel: &Cancel) -> Result<Done<()>, ApiError> {
        let url = self.user_url(id);
        let confirm = async {
            match self.send(Call::Read, Method::Get, &url, None, cancel).await {
                Ok(_) => Answer::Success { scopes: None },
                Err(e) => e.answer.unwrap_or(Answer::Network),
            }
        };
        self.delete_once(Api::Scim, &url, confirm, cancel).await
    }

    /// A DELETE, exactly once: retried as idempotent by `send_to`; after a 404 without
    /// `X-GitHub-SSO`, `confirm` (a read: `NotFound` gone, `Success` still there) settles
    /// whether it is done. `confirm` is only awaited then.
    pub(super) async fn delete_once(
        &self,
        api: Api,
        url: &str,
        confirm: impl std::future::Future<Output = Answer>,
        cancel: &Cancel,
    ) -> Result<Done<()>, ApiError> {
        let error = match self
            .send_to(api, Call::Write, Method::Delete, url, None, cancel)
            .await
        {
            Ok(reply) => return Ok(done((), &reply)),
            Err(error) => error,
        };
        let Some(answer) = error.answer.clone() else {
            return Err(error);
        };
        match delete_after_answer(&answer) {
            DeleteNext::Done => Err(error), // a success is returned above
            DeleteNext::Failed => Err(error),
            DeleteNext::Unknown => {
                let detail = error.to_string();
                Err(unconfirmed(error, detail))
            }
            DeleteNext::Confirm => match delete_after_confirm(&confirm.await, error.maybe_performed)
            {
                DeleteSettled::Gone { by_earlier_attempt } => Ok(Done {
                    value: (),
                    request_id: error.request_id,
                    note: if by_earlier_attempt {
                        "removed by an earlier attempt whose answer was lost; confirmed by look-up"
                    } else {
                        "already removed; confirmed by look-up"
                    }
                    .into(),
                    body: String::new(),
                }),
                DeleteSettled::StillThere => Err(ApiError {
                    detail: "GitHub answered 404, but it is still there".into(),
                    ..error
                }),
                DeleteSettled::Unknown => {
                    let detail = format!(
                        "GitHub answered 404 and the check that it is gone failed: {error}"
                    );
                    Err(unconfirmed(error, detail))
                }
            },
        }
    }
}
