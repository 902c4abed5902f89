//! Building small organizations for the drift tests, and reading the review back.
use console_core::drift::{
    CategoryId, Credential, CredentialKind, DriftRow, ExternalIdentity, Inputs, Invitation,
    InvitationSource, LinkedUser, Member, NodeInvitation, Review, Role, SamlAttributes,
    ScimAttributes, ScimIdentity,
};

/// 2026-01-31T00:00:00Z.
pub const NOW: i64 = 1_769_817_600;

pub fn world() -> Inputs {
    Inputs {
        org: "acme".into(),
        now: NOW,
        ..Inputs::default()
    }
}

pub fn member(login: &str) -> Member {
    Member {
        login: login.into(),
        name: None,
        role: Role::Member,
    }
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

pub fn saml(name_id: &str, emails: &[&str]) -> SamlAttributes {
    SamlAttributes {
        name_id: Some(name_id.into()),
        emails: strings(emails),
        ..SamlAttributes::default()
    }
}

pub fn scim(user_name: &str, emails: &[&str]) -> ScimAttributes {
    ScimAttributes {
        username: Some(user_name.into()),
        emails: strings(emails),
        ..ScimAttributes::default()
    }
}

pub fn user(login: &str) -> Option<LinkedUser> {
    Some(LinkedUser {
        login: login.into(),
        name: None,
    })
}

/// A linked node: SAML and SCIM identities, NameID = userName, claimed by `login`.
pub fn linked(guid: &str, login: &str, user_name: &str) -> ExternalIdentity {
    let email = format!("{login}@acme.example");
    ExternalIdentity {
        guid: guid.into(),
        user: user(login),
        saml: Some(saml(user_name, &[&email])),
        scim: Some(scim(user_name, &[&email])),
        invitation: None,
    }
}

/// A node with a SAML identity and a user, no SCIM data.
pub fn saml_only(guid: &str, login: &str, name_id: &str, emails: &[&str]) -> ExternalIdentity {
    ExternalIdentity {
        guid: guid.into(),
        user: user(login),
        saml: Some(saml(name_id, emails)),
        ..ExternalIdentity::default()
    }
}

/// A SCIM-only node no account claimed, with a pending SCIM invitation sent `created_at`.
pub fn scim_only(
    guid: &str,
    user_name: &str,
    emails: &[&str],
    created_at: &str,
) -> ExternalIdentity {
    ExternalIdentity {
        guid: guid.into(),
        scim: Some(scim(user_name, emails)),
        invitation: Some(NodeInvitation {
            created_at: created_at.into(),
            email: emails.first().map(|e| (*e).to_owned()),
            source: InvitationSource::Scim,
            invitee_login: None,
        }),
        ..ExternalIdentity::default()
    }
}

pub fn scim_identity(id: &str, user_name: &str, emails: &[&str]) -> ScimIdentity {
    ScimIdentity {
        id: id.into(),
        user_name: user_name.into(),
        emails: strings(emails),
    }
}

pub fn invitation(id: u64, email: &str, source: InvitationSource) -> Invitation {
    Invitation {
        id,
        login: None,
        email: Some(email.into()),
        created_at: "2025-12-01T00:00:00Z".into(),
        source,
    }
}

pub fn pat(id: u64, login: &str, last_eight: &str) -> Credential {
    Credential {
        credential_id: id,
        login: login.into(),
        kind: CredentialKind::ClassicPat,
        token_last_eight: Some(last_eight.into()),
        fingerprint: None,
        title: None,
        authorized_at: "2025-06-01T00:00:00Z".into(),
        accessed_at: None,
        expires_at: None,
        scopes: vec!["repo".into()],
    }
}

pub fn ssh_key(id: u64, login: &str, fingerprint: &str) -> Credential {
    Credential {
        kind: CredentialKind::SshKey,
        token_last_eight: None,
        fingerprint: Some(fingerprint.into()),
        scopes: Vec::new(),
        ..pat(id, login, "")
    }
}

pub fn review(input: &Inputs) -> Review {
    Review::build(input)
}

pub fn keys(review: &Review, category: CategoryId) -> Vec<String> {
    review
        .category(category)
        .rows()
        .iter()
        .map(|r| r.key.clone())
        .collect()
}

pub fn row<'r>(review: &'r Review, category: CategoryId, key: &str) -> &'r DriftRow {
    let rows = review.category(category).rows();
    rows.iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no {key} in {category:?}: {:?}", keys(review, category)))
}

/// A cell by column id, as the table shows it.
pub fn cell(review: &Review, category: CategoryId, key: &str, column: &str) -> String {
    let at = category
        .columns()
        .iter()
        .position(|c| c.id == column)
        .unwrap_or_else(|| panic!("{category:?} has no column {column}"));
    row(review, category, key).cells[at].display()
}
