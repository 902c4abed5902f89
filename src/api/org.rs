//! The drift review's calls to GitHub's organization APIs: one page of a REST list (its page
//! numbers read from `Link`, its URL built from the configured base), one page of external
//! identities by GraphQL (the organization's or an enterprise's), and the DELETE of one step of
//! an action with its exactly-once rule. Reads are `Call::OrgRead`: a plain 403 there is the
//! read's own error, not the gate's.
use console_core::drift::{self, Check, Listed};
use console_core::gate::Call;
use console_core::retry::Method;
use scim::org::graphql::{self, IdentityProvider, ProviderData};
use scim::org::{CredentialAuthorization, ListedInvitation, MembershipState, MembershipStateOnly};
use serde_json::json;

use super::cancel::Cancel;
use super::client::ApiClient;
use super::error::{ApiError, ErrorKind};
use super::paged::load_list;
use super::transport::{Api, Reply};
use super::users::decode;

/// Where the external identities are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentitySource {
    /// `organization(login:).samlIdentityProvider`.
    Organization,
    /// `enterprise(slug:).ownerInfo.samlIdentityProvider`, for SAML set at the enterprise.
    Enterprise(String),
}

/// Why no identity provider was there to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoProvider {
    /// `organization.samlIdentityProvider` is null: the token lacks the rights, or SAML is
    /// configured at the enterprise.
    Organization,
    /// `enterprise.ownerInfo` is null: the token's owner is not an enterprise owner (or lacks
    /// `read:enterprise`).
    NotEnterpriseOwner,
    /// The enterprise has no SAML identity provider.
    EnterpriseWithoutSaml,
}

/// Which page of the connection to read: from the start after a cursor, or from the end before
/// one (`None`: the first page of that end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window<'a> {
    After(Option<&'a str>),
    Before(Option<&'a str>),
}

/// One page of external identities.
#[derive(Debug, Clone)]
pub struct IdentityPage {
    pub nodes: Vec<drift::ExternalIdentity>,
    pub total: u64,
    /// The cursor of the next page in the direction read, when there is one.
    pub next: Option<String>,
    /// The IdP's issuer, to say where the identities come from.
    pub issuer: Option<String>,
}

impl ApiClient {
    /// One page (100 items) of the REST list at `path` (relative to the API base, may carry a
    /// query), undecoded: `paged::load_list` decodes it and reads its `Link` header.
    pub async fn list_page(
        &self,
        path: &str,
        page: u64,
        cancel: &Cancel,
    ) -> Result<Reply, ApiError> {
        let join = if path.contains('?') { '&' } else { '?' };
        let url = self.api_url(&format!("{path}{join}per_page=100&page={page}"));
        self.send_to(Api::Rest, Call::OrgRead, Method::Get, &url, None, cancel)
            .await
    }

    /// One page of external identities; `Ok(Err(_))` when there is no identity provider to
    /// read.
    pub async fn identity_page(
        &self,
        source: &IdentitySource,
        window: Window<'_>,
        cancel: &Cancel,
    ) -> Result<Result<IdentityPage, NoProvider>, ApiError> {
        let body = match (source, window) {
            (IdentitySource::Organization, Window::After(after)) => json!({
                "query": graphql::DRIFT_QUERY,
                "variables": { "org": self.org(), "after": after },
            }),
            (IdentitySource::Organization, Window::Before(before)) => json!({
                "query": graphql::DRIFT_QUERY_FROM_END,
                "variables": { "org": self.org(), "before": before },
            }),
            (IdentitySource::Enterprise(slug), Window::After(after)) => json!({
                "query": graphql::ENTERPRISE_DRIFT_QUERY,
                "variables": { "slug": slug, "after": after },
            }),
            (IdentitySource::Enterprise(slug), Window::Before(before)) => json!({
                "query": graphql::ENTERPRISE_DRIFT_QUERY_FROM_END,
                "variables": { "slug": slug, "before": before },
            }),
        };
        let url = self.api_url("/graphql");
        let body = body.to_string();
        let reply = self
            .send_to(
                Api::Graphql,
                Call::OrgRead,
                Method::Post,
                &url,
                Some(&body),
                cancel,
            )
            .await?;
        let provider = match source {
            IdentitySource::Organization => {
                let answer: graphql::Response<ProviderData> = decode(&reply)?;
                let org = answer.data.as_ref().and_then(|d| d.organization.as_ref());
                let provider = org.and_then(|o| o.saml_identity_provider.clone());
                match (provider, org, answer.errors.first()) {
                    (Some(p), _, _) => Ok(p),
                    (None, Some(_), None) => Err(NoProvider::Organization),
                    (None, _, error) => return Err(refused(&reply, error)),
                }
            }
            IdentitySource::Enterprise(_) => {
                let answer: graphql::Response<ProviderData> = decode(&reply)?;
                let enterprise = answer.data.as_ref().and_then(|d| d.enterprise.as_ref());
                let owner = enterprise.and_then(|e| e.owner_info.as_ref());
                let provider = owner.and_then(|o| o.saml_identity_provider.clone());
                match (provider, enterprise, owner, answer.errors.first()) {
                    (Some(p), _, _, _) => Ok(p),
                    (None, Some(_), Some(_), None) => Err(NoProvider::EnterpriseWithoutSaml),
                    (None, Some(_), None, None) => Err(NoProvider::NotEnterpriseOwner),
                    (None, _, _, error) => return Err(refused(&reply, error)),
                }
            }
        };
        let backwards = matches!(window, Window::Before(_));
        Ok(provider.map(|p| page_of(p, backwards)))
    }

    /// DELETE one step of an action, exactly once: retried as idempotent; a 404 without
    /// `X-GitHub-SSO` counts as done only once `check` (the step's read) confirms it is gone.
    pub async fn delete_step(
        &self,
        step: &drift::Step,
        check: Option<Check>,
        cancel: &Cancel,
    ) -> Result<super::Done<()>, ApiError> {
        let url = self.api_url(&step.path);
        let confirm = async move {
            match check {
                Some(check) => self.still_there(check, cancel).await,
                None => console_core::answer::Answer::Unexpected(404),
            }
        };
        self.delete_once(api_of(&step.path), &url, confirm, cancel)
            .await
    }

    /// What a step's confirming read found: `Success` (still there), `NotFound` (gone), or the
    /// answer that kept it from saying.
    async fn still_there(&self, check: Check, cancel: &Cancel) -> console_core::answer::Answer {
        use console_core::answer::Answer;
        let found = |there: bool| match there {
            true => Answer::Success { scopes: None },
            false => Answer::NotFound,
        };
        let failed = |e: ApiError| e.answer.unwrap_or(Answer::Network);
        match check {
            Check::Get(path) => {
                let url = self.api_url(&path);
                let read = self
                    .send_to(api_of(&path), Call::Read, Method::Get, &url, None, cancel)
                    .await;
                read.map_or_else(failed, |_| found(true))
            }
            Check::Membership(path) => {
                let url = self.api_url(&path);
                let read = self
                    .send_to(Api::Rest, Call::OrgRead, Method::Get, &url, None, cancel)
                    .await;
                match read.and_then(|reply| decode::<MembershipStateOnly>(&reply)) {
                    Ok(m) => found(m.state == MembershipState::Active),
                    Err(e) => failed(e),
                }
            }
            Check::NotListed { path, list, id } => {
                let mut there = false;
                let load = match list {
                    Listed::Invitations => {
                        load_list::<ListedInvitation>(self, &path, 2, cancel, |items, _| {
                            there = there || items.iter().any(|i| i.id == id);
                        })
                        .await
                    }
                    Listed::CredentialAuthorizations => {
                        load_list::<CredentialAuthorization>(self, &path, 2, cancel, |items, _| {
                            there = there || items.iter().any(|c| c.credential_id == id);
                        })
                        .await
                    }
                };
                match load {
                    Ok(_) => found(there),
                    Err(e) => failed(e),
                }
            }
        }
    }
}

fn api_of(path: &str) -> Api {
    if path.starts_with("/scim/") {
        Api::Scim
    } else {
        Api::Rest
    }
}

fn page_of(provider: IdentityProvider, backwards: bool) -> IdentityPage {
    let connection = provider.external_identities;
    let info = connection.page_info.clone();
    let next = match backwards {
        false => info.end_cursor.filter(|_| info.has_next_page),
        true => info.start_cursor.filter(|_| info.has_previous_page),
    };
    IdentityPage {
        total: connection.total_count,
        next,
        issuer: provider.issuer,
        nodes: drift::github::identities(connection),
    }
}

/// A GraphQL answer with no provider and an error: what GitHub said, as the read's error
/// (`NOT_FOUND`, a bad cursor, …); the gate has already seen SAML refusals and spent budgets.
fn refused(reply: &Reply, error: Option<&graphql::Error>) -> ApiError {
    let kind = match error.and_then(|e| e.kind.as_deref()) {
        Some("NOT_FOUND") => ErrorKind::NotFound,
        _ => ErrorKind::Invalid { scim_type: None },
    };
    let detail = error.map_or_else(
        || "GitHub's answer has neither data nor an error".to_owned(),
        |e| e.message.clone(),
    );
    ApiError {
        status: Some(reply.status),
        request_id: reply.request_id.clone(),
        ..ApiError::local(kind, detail)
    }
}
