//! Typed SCIM operations on top of `ApiClient::send`. A write is never repeated blindly: a POST
//! whose outcome is unknown is settled by looking the identity up by `userName` first.
use console_core::retry::Method;
use scim::patch::PatchRequest;
use scim::provision::UserRequest;
use scim::query::{percent_encode, EqFilter, FilterAttribute, ListQuery};
use scim::{ListResponse, ScimUser};

use super::cancel::Cancel;
use super::client::ApiClient;
use super::error::{ApiError, ErrorKind};
use super::transport::Answer;

/// A successful write and GitHub's request id (for the activity log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done<T> {
    pub value: T,
    pub request_id: Option<String>,
    /// The POST's answer was lost and the look-up found the identity it created.
    pub confirmed_by_lookup: bool,
}

fn decode<T: serde::de::DeserializeOwned>(answer: &Answer) -> Result<T, ApiError> {
    serde_json::from_str(&answer.body).map_err(|e| ApiError {
        kind: ErrorKind::Undecodable,
        status: Some(answer.status),
        detail: e.to_string(),
        request_id: answer.request_id.clone(),
    })
}

fn done<T>(value: T, answer: &Answer) -> Done<T> {
    Done {
        value,
        request_id: answer.request_id.clone(),
        confirmed_by_lookup: false,
    }
}

/// No answer, or a 5xx: the server may or may not have applied the write.
fn ambiguous(error: &ApiError) -> bool {
    matches!(
        error.kind,
        ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Server
    )
}

impl ApiClient {
    fn user_url(&self, id: &str) -> String {
        self.users_url(&format!("/{}", percent_encode(id)))
    }

    pub async fn list_users(
        &self,
        query: &ListQuery,
        cancel: &Cancel,
    ) -> Result<ListResponse, ApiError> {
        let url = self.users_url(&format!("?{}", query.to_query_string()));
        decode(&self.send(Method::Get, &url, None, cancel).await?)
    }

    /// The identity with this exact `userName` (case-insensitive), if any.
    pub async fn find_by_user_name(
        &self,
        user_name: &str,
        cancel: &Cancel,
    ) -> Result<Option<ScimUser>, ApiError> {
        let query = ListQuery::lookup(EqFilter::new(FilterAttribute::UserName, user_name));
        Ok(self
            .list_users(&query, cancel)
            .await?
            .resources
            .into_iter()
            .next())
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
        let answer = self
            .send(Method::Get, &self.user_url(id), None, cancel)
            .await?;
        Ok((decode(&answer)?, answer.body))
    }

    /// POST. After an ambiguous failure the identity is looked up by `userName`: found means
    /// the POST did create it; absent means it did not, and the POST is sent once more.
    pub async fn create_user(
        &self,
        request: &UserRequest,
        cancel: &Cancel,
    ) -> Result<Done<ScimUser>, ApiError> {
        let body = request.to_json();
        let url = self.users_url("");
        for _ in 0..2 {
            let error = match self.send(Method::Post, &url, Some(&body), cancel).await {
                Ok(answer) => return Ok(done(decode(&answer)?, &answer)),
                Err(error) if ambiguous(&error) => error,
                Err(error) => return Err(error),
            };
            match self.find_by_user_name(&request.user_name, cancel).await {
                Ok(Some(user)) => {
                    return Ok(Done {
                        value: user,
                        request_id: error.request_id,
                        confirmed_by_lookup: true,
                    })
                }
                Ok(None) => continue,
                Err(lookup) => {
                    return Err(ApiError {
                        kind: ErrorKind::Unconfirmed,
                        detail: format!(
                            "{error}; checking for {} failed too: {lookup}",
                            request.user_name
                        ),
                        ..error
                    })
                }
            }
        }
        Err(ApiError::local(
            ErrorKind::Unconfirmed,
            format!(
                "{} could not be created after two attempts",
                request.user_name
            ),
        ))
    }

    /// PUT: replaces the whole identity (idempotent, so retried where safe).
    pub async fn replace_user(
        &self,
        id: &str,
        request: &UserRequest,
        cancel: &Cancel,
    ) -> Result<Done<ScimUser>, ApiError> {
        let answer = self
            .send(
                Method::Put,
                &self.user_url(id),
                Some(&request.to_json()),
                cancel,
            )
            .await?;
        Ok(done(decode(&answer)?, &answer))
    }

    /// PATCH: not idempotent (`add` appends), so an unknown outcome is reported, not retried.
    pub async fn patch_user(
        &self,
        id: &str,
        patch: &PatchRequest,
        cancel: &Cancel,
    ) -> Result<Done<ScimUser>, ApiError> {
        match self
            .send(
                Method::Patch,
                &self.user_url(id),
                Some(&patch.to_json()),
                cancel,
            )
            .await
        {
            Ok(answer) => Ok(done(decode(&answer)?, &answer)),
            Err(error) if ambiguous(&error) => Err(ApiError {
                kind: ErrorKind::Unconfirmed,
                ..error
            }),
            Err(error) => Err(error),
        }
    }

    /// DELETE: 204; a 404 on a retry means the first attempt deleted it.
    pub async fn delete_user(&self, id: &str, cancel: &Cancel) -> Result<Done<()>, ApiError> {
        let answer = self
            .send(Method::Delete, &self.user_url(id), None, cancel)
            .await?;
        Ok(done((), &answer))
    }
}
