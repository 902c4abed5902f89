//! GitHub's answers, as they come over the wire, decoded with `scim::org`'s types and mapped
//! into the review's inputs.
use console_core::drift::github;
use console_core::drift::{CredentialKind, InvitationSource, Role};
use scim::org::graphql::{DriftData, Response};
use scim::org::{CredentialAuthorization, ListedInvitation, ListedUser};

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

const USER: &str = r#"{"login":"octocat","id":1,"node_id":"MDQ6VXNlcjE=","avatar_url":"https://github.com/images/error/octocat_happy.gif","gravatar_id":"","url":"https://api.github.com/users/octocat","html_url":"https://github.com/octocat","followers_url":"https://api.github.com/users/octocat/followers","following_url":"https://api.github.com/users/octocat/following{/other_user}","gists_url":"https://api.github.com/users/octocat/gists{/gist_id}","starred_url":"https://api.github.com/users/octocat/starred{/owner}{/repo}","subscriptions_url":"https://api.github.com/users/octocat/subscriptions","organizations_url":"https://api.github.com/users/octocat/orgs","repos_url":"https://api.github.com/users/octocat/repos","events_url":"https://api.github.com/users/octocat/events{/privacy}","received_events_url":"https://api.github.com/users/octocat/received_events","type":"User","site_admin":false}"#;

#[test]
fn members_and_collaborators_from_simple_users() {
    let users: Vec<ListedUser> = decode(&format!("[{USER}]"));
    let member = github::member(users[0].clone(), true);
    assert_eq!(
        (member.login.as_str(), member.role),
        ("octocat", Role::Admin)
    );
    assert_eq!(github::member(users[0].clone(), false).role, Role::Member);
    assert_eq!(github::collaborator(users[0].clone()).login, "octocat");
}

#[test]
fn invitations_keep_their_source_and_id() {
    let json = format!(
        r#"[{{"id":7,"login":null,"node_id":"x","email":"ana@idp.example","role":"direct_member","created_at":"2026-01-02T03:04:05Z","inviter":{USER},"team_count":0,"invitation_teams_url":"https://api.github.com/organizations/2/invitations/7/teams","invitation_source":"scim"}},
            {{"id":8,"login":"bo","node_id":"y","email":null,"role":"admin","created_at":"2026-01-02T03:04:05Z","inviter":{USER},"team_count":2,"invitation_teams_url":"u"}}]"#
    );
    let list: Vec<ListedInvitation> = decode(&json);
    let mapped: Vec<_> = list.into_iter().map(github::invitation).collect();
    assert_eq!(mapped[0].id, 7);
    assert_eq!(mapped[0].source, InvitationSource::Scim);
    assert_eq!(mapped[0].email.as_deref(), Some("ana@idp.example"));
    assert_eq!(
        mapped[1].source,
        InvitationSource::Unknown,
        "older answers have no source"
    );
    assert_eq!(mapped[1].login.as_deref(), Some("bo"));
}

#[test]
fn credentials_name_their_kind_and_what_identifies_them() {
    let json = r#"[
      {"login":"ana","credential_id":11,"credential_type":"personal access token","token_last_eight":"12345678","credential_authorized_at":"2026-01-01T00:00:00Z","scopes":["repo","read:org"],"credential_accessed_at":null,"authorized_credential_id":5,"authorized_credential_note":"ci","authorized_credential_expires_at":"2026-12-31T00:00:00Z"},
      {"login":"bo","credential_id":12,"credential_type":"SSH key","fingerprint":"jklmnop12345678","credential_authorized_at":"2026-01-01T00:00:00Z","credential_accessed_at":"2026-01-05T00:00:00Z","authorized_credential_id":6,"authorized_credential_title":"laptop"},
      {"login":"cy","credential_id":13,"credential_type":"OAuth app token","credential_authorized_at":"2026-01-01T00:00:00Z","credential_accessed_at":null,"authorized_credential_id":null}
    ]"#;
    let list: Vec<CredentialAuthorization> = decode(json);
    let mapped: Vec<_> = list.into_iter().map(github::credential).collect();
    assert_eq!(mapped[0].kind, CredentialKind::ClassicPat);
    assert_eq!(mapped[0].identifier(), "12345678");
    assert_eq!(mapped[0].title.as_deref(), Some("ci"));
    assert_eq!(mapped[0].scopes, ["repo", "read:org"]);
    assert_eq!(mapped[1].kind, CredentialKind::SshKey);
    assert_eq!(
        (mapped[1].identifier(), mapped[1].title.as_deref()),
        ("jklmnop12345678", Some("laptop"))
    );
    assert!(!mapped[2].kind.revocable());
    assert_eq!(mapped[2].kind.label(), "OAuth app token");
}

#[test]
fn a_graphql_page_becomes_nodes_primary_email_first_null_edges_skipped() {
    let json = r#"{"data":{"organization":{"samlIdentityProvider":{"ssoUrl":"https://idp.example/sso","issuer":"https://idp.example","externalIdentities":{
      "totalCount":3,"pageInfo":{"hasNextPage":true,"endCursor":"c2"},
      "edges":[
        {"node":{"guid":"g1","samlIdentity":{"nameId":"Ana@IdP.example","username":"ana","emails":[{"value":"second@x.example","primary":false,"type":"work"},{"value":"ana@idp.example","primary":true,"type":"work"}],"givenName":"Ana","familyName":"K","groups":null},
          "scimIdentity":{"username":"ana@idp.example","emails":[{"value":"ana@idp.example","primary":true,"type":"work"}],"givenName":"Ana","familyName":"K","groups":[]},
          "user":{"login":"ana-k","name":"Ana K"},"organizationInvitation":null}},
        null,
        {"node":{"guid":"g3","samlIdentity":null,"scimIdentity":{"username":"bo@idp.example","emails":null,"givenName":null,"familyName":null,"groups":null},"user":null,
          "organizationInvitation":{"createdAt":"2025-12-01T00:00:00Z","email":"bo@idp.example","invitationSource":"SCIM","role":"DIRECT_MEMBER","invitee":null}}}
      ]}}},"rateLimit":{"cost":1,"remaining":4990,"resetAt":"2026-01-31T01:00:00Z"}}}"#;
    let page: Response<DriftData> = decode(json);
    let provider = page
        .data
        .and_then(|d| d.organization)
        .and_then(|o| o.saml_identity_provider)
        .unwrap_or_else(|| panic!("no provider"));
    let nodes = github::identities(provider.external_identities);
    assert_eq!(nodes.len(), 2);
    let saml = nodes[0].saml.clone().unwrap_or_default();
    assert_eq!(saml.name_id.as_deref(), Some("Ana@IdP.example"));
    assert_eq!(saml.emails, ["ana@idp.example", "second@x.example"]);
    assert_eq!(
        nodes[0].user.as_ref().map(|u| u.login.as_str()),
        Some("ana-k")
    );
    assert!(nodes[1].user.is_none());
    let invitation = nodes[1]
        .invitation
        .clone()
        .unwrap_or_else(|| panic!("no invitation"));
    assert_eq!(invitation.source, InvitationSource::Scim);
    assert!(nodes[1].scim.as_ref().is_some_and(|s| s.emails.is_empty()));
}
