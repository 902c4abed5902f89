//! The root and the resolvers that need the caller: `Query.organization(login:)`,
//! `Query.enterprise(slug:)`, `Query.rateLimit`, the two identity providers and who may see
//! them. Visibility follows the contract (§2): `samlIdentityProvider` is for owners and their
//! tokens with `read:org`/`admin:org` (`authorized`, `read-only`), null for anyone else and when
//! SAML is set at the enterprise; a token not authorized for SAML SSO gets GitHub's `FORBIDDEN`
//! error with `extensions.saml_failure`. `enterprise.ownerInfo` is for enterprise owners,
//! played by `authorized` tokens.
use std::sync::Arc;

use async_graphql::{
    Context, EmptyMutation, EmptySubscription, ErrorExtensions, Object, Schema, ID,
};

use super::enterprise::Enterprise;
use super::identities::{connection, Window};
use super::types::{ExternalIdentityConnection, RateLimit, Uri};
use crate::org::{node_id, ORG_ID};
use crate::state::{Emulator, TokenState};

pub type GithubSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

pub fn schema() -> GithubSchema {
    Schema::build(QueryRoot, EmptyMutation, EmptySubscription).finish()
}

/// Who asks, handed to every resolver.
pub struct Caller {
    pub emulator: Arc<Emulator>,
    pub token: TokenState,
    pub rate: RateLimit,
}

pub const SAML_MESSAGE: &str = "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.";

/// A GraphQL error with GitHub's `type` (moved beside `message` when the answer is written).
pub fn typed_error(kind: &str, message: impl Into<String>) -> async_graphql::Error {
    let kind = kind.to_owned();
    async_graphql::Error::new(message).extend_with(move |_, e| e.set("type", kind.clone()))
}

/// The field itself answers null and the error names it (GitHub's shape: `"path":
/// ["organization", "samlIdentityProvider"]` beside `"samlIdentityProvider": null`); an `Err`
/// from the resolver would null its parent instead.
pub(super) fn null_with<T>(
    ctx: &Context<'_>,
    error: async_graphql::Error,
) -> async_graphql::Result<Option<T>> {
    ctx.add_error(ctx.set_error_path(error.into_server_error(ctx.item.pos)));
    Ok(None)
}

pub(super) fn caller<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a Caller> {
    ctx.data::<Caller>()
}

fn saml_refusal() -> async_graphql::Error {
    typed_error("FORBIDDEN", SAML_MESSAGE).extend_with(|_, e| e.set("saml_failure", true))
}

pub struct QueryRoot;

#[Object(name = "Query")]
impl QueryRoot {
    async fn organization(
        &self,
        ctx: &Context<'_>,
        login: String,
    ) -> async_graphql::Result<Option<Organization>> {
        if caller(ctx)?.emulator.org.eq_ignore_ascii_case(&login) {
            Ok(Some(Organization))
        } else {
            null_with(
                ctx,
                typed_error(
                    "NOT_FOUND",
                    format!("Could not resolve to an Organization with the login of '{login}'."),
                ),
            )
        }
    }

    async fn enterprise(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<Option<Enterprise>> {
        match &caller(ctx)?.emulator.enterprise_saml {
            Some(ours) if ours.eq_ignore_ascii_case(&slug) => Ok(Some(Enterprise)),
            _ => null_with(
                ctx,
                typed_error(
                    "NOT_FOUND",
                    format!("Could not resolve to an Enterprise with the slug of '{slug}'."),
                ),
            ),
        }
    }

    async fn rate_limit(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<RateLimit>> {
        Ok(Some(caller(ctx)?.rate.clone()))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Organization;

#[Object]
impl Organization {
    async fn id(&self) -> ID {
        ID(node_id("Organization", ORG_ID))
    }

    async fn login(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(caller(ctx)?.emulator.org.clone())
    }

    async fn name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(Some(caller(ctx)?.emulator.org.clone()))
    }

    async fn saml_identity_provider(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationIdentityProvider>> {
        let caller = caller(ctx)?;
        match caller.token {
            TokenState::SsoRequired => null_with(ctx, saml_refusal()),
            _ if caller.emulator.enterprise_saml.is_some() => Ok(None),
            TokenState::Authorized | TokenState::ReadOnly => Ok(Some(OrganizationIdentityProvider)),
            TokenState::Member => Ok(None),
        }
    }
}

pub(super) fn sso_url(emulator: &Emulator) -> Uri {
    Uri(format!(
        "https://login.microsoftonline.com/{}/saml2",
        crate::ids::uuid_from(ORG_ID ^ emulator.org.len() as u64)
    ))
}

pub(super) fn issuer(emulator: &Emulator) -> String {
    format!(
        "https://sts.windows.net/{}/",
        crate::ids::uuid_from(ORG_ID ^ emulator.org.len() as u64)
    )
}

#[derive(Debug, Clone, Copy)]
pub struct OrganizationIdentityProvider;

#[Object]
impl OrganizationIdentityProvider {
    async fn id(&self) -> ID {
        ID(node_id("OrganizationIdentityProvider", ORG_ID))
    }

    async fn sso_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Uri>> {
        Ok(Some(sso_url(&caller(ctx)?.emulator)))
    }

    async fn issuer(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(Some(issuer(&caller(ctx)?.emulator)))
    }

    async fn organization(&self) -> Option<Organization> {
        Some(Organization)
    }

    #[allow(clippy::too_many_arguments)]
    async fn external_identities(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
        login: Option<String>,
        members_only: Option<bool>,
        user_name: Option<String>,
    ) -> async_graphql::Result<ExternalIdentityConnection> {
        let window = Window {
            after,
            before,
            first,
            last,
            login,
            members_only,
            user_name,
        };
        connection(&caller(ctx)?.emulator, window)
    }
}
