//! `Query.enterprise(slug:)` for SAML set at the enterprise (`--enterprise-saml`):
//! `ownerInfo.samlIdentityProvider.externalIdentities`, the same connection and node types as
//! the organization's, visible to enterprise owners (`authorized` tokens) only.
use async_graphql::{Context, Object, ID};

use super::identities::{connection, Window};
use super::schema::{caller, issuer, sso_url};
use super::types::{ExternalIdentityConnection, Uri};
use crate::org::{node_id, ORG_ID};
use crate::state::TokenState;

#[derive(Debug, Clone, Copy)]
pub struct Enterprise;

#[Object]
impl Enterprise {
    async fn id(&self) -> ID {
        ID(node_id("Enterprise", ORG_ID + 1))
    }

    async fn slug(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(caller(ctx)?
            .emulator
            .enterprise_saml
            .clone()
            .unwrap_or_default())
    }

    async fn name(&self, ctx: &Context<'_>) -> async_graphql::Result<String> {
        Ok(caller(ctx)?
            .emulator
            .enterprise_saml
            .clone()
            .unwrap_or_default())
    }

    async fn owner_info(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<EnterpriseOwnerInfo>> {
        Ok((caller(ctx)?.token == TokenState::Authorized).then_some(EnterpriseOwnerInfo))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct EnterpriseOwnerInfo;

#[Object]
impl EnterpriseOwnerInfo {
    async fn saml_identity_provider(&self) -> Option<EnterpriseIdentityProvider> {
        Some(EnterpriseIdentityProvider)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct EnterpriseIdentityProvider;

#[Object]
impl EnterpriseIdentityProvider {
    async fn id(&self) -> ID {
        ID(node_id("EnterpriseIdentityProvider", ORG_ID + 1))
    }

    async fn sso_url(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Uri>> {
        Ok(Some(sso_url(&caller(ctx)?.emulator)))
    }

    async fn issuer(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(Some(issuer(&caller(ctx)?.emulator)))
    }

    async fn enterprise(&self) -> Option<Enterprise> {
        Some(Enterprise)
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
