//! Members without a SCIM identity, members without any external identity, and outside
//! collaborators (contract §5a, §1.7).
use super::index::Index;
use super::input::{ExternalIdentity, Role};
use super::keys;
use super::row::{Cell, DriftRow};
use super::subject::{MemberSubject, Owner, Subject};

/// The rows of both member categories, in the members' order. Rules:
/// - without a SCIM identity: member login L such that no node linked to L has a SCIM
///   identity with a userName (§5a), outside collaborators excepted;
/// - without any external identity: no node is linked to L at all (never completed SAML SSO;
///   a subset of the first).
pub(super) fn member_rows(index: &Index) -> (Vec<DriftRow>, Vec<DriftRow>) {
    let (mut without_scim, mut without_identity) = (Vec::new(), Vec::new());
    let owners = index.input.members.iter().filter(|m| m.role == Role::Admin);
    let only_owner = owners.count() == 1;
    for &at in &index.members {
        let member = &index.input.members[at];
        let login = &member.login;
        if index.has_linked_scim(login) || index.is_collaborator(login) {
            continue;
        }
        let nodes: Vec<&ExternalIdentity> = index.nodes_of(login).collect();
        let subject = Subject::Member(MemberSubject {
            login: login.clone(),
            has_saml: nodes.iter().any(|n| n.saml.is_some()),
            linked_scim: false,
            owner: match (member.role, only_owner) {
                (Role::Admin, true) => Owner::Only,
                (Role::Admin, false) => Owner::Yes,
                _ => Owner::No,
            },
        });
        let key = format!("member:{}", keys::login(login));
        let name = Cell::optional(member.name.as_deref());
        let role = Cell::optional(role_label(member.role));
        let credentials = index.credential_count(login);
        if nodes.is_empty() {
            let cells = vec![
                Cell::text(login),
                name.clone(),
                role.clone(),
                credentials.clone(),
            ];
            without_identity.push(DriftRow::new(key.clone(), cells, subject.clone()));
        }
        let name_id = nodes.iter().find_map(|n| {
            n.saml
                .as_ref()
                .and_then(|s| keys::present(s.name_id.as_deref()))
        });
        let cells = vec![
            Cell::text(login),
            name,
            role,
            Cell::text(identity_label(&nodes)),
            Cell::optional(name_id),
            credentials,
        ];
        without_scim.push(DriftRow::new(key, cells, subject));
    }
    (without_scim, without_identity)
}

/// Outside collaborators, apart: SAML does not apply to them (contract §1.7).
pub(super) fn collaborator_rows(index: &Index) -> Vec<DriftRow> {
    let mut seen = rustc_hash::FxHashSet::default();
    let collaborators = index.input.outside_collaborators.iter();
    collaborators
        .filter(|c| seen.insert(keys::login(&c.login)))
        .map(|c| {
            let cells = vec![
                Cell::text(&c.login),
                Cell::optional(c.name.as_deref()),
                index.credential_count(&c.login),
            ];
            let subject = Subject::Collaborator {
                login: c.login.clone(),
            };
            DriftRow::new(
                format!("collaborator:{}", keys::login(&c.login)),
                cells,
                subject,
            )
        })
        .collect()
}

fn role_label(role: Role) -> Option<&'static str> {
    match role {
        Role::Admin => Some("owner"),
        Role::Member => Some("member"),
        Role::Unknown => None,
    }
}

/// What a member without a SCIM identity does have.
fn identity_label(nodes: &[&ExternalIdentity]) -> &'static str {
    if nodes.is_empty() {
        "none (never signed in with SAML)"
    } else if nodes.iter().any(|n| n.scim.is_some()) {
        "SCIM identity without a userName"
    } else if nodes.iter().any(|n| n.saml.is_some()) {
        "SAML only"
    } else {
        "linked, without SAML or SCIM data"
    }
}
