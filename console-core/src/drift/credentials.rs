//! Credential authorizations to review (contract §5d): those of the people in the other
//! categories, and those whose login is not a member at all (an anomaly: leaving the
//! organization ends an authorization, §4). Outside collaborators' are left out: SAML does
//! not apply to them.
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

use super::category::CategoryId;
use super::credential::Ownership;
use super::index::Index;
use super::keys;
use super::row::{Cell, DriftRow};
use super::subject::{CredentialSubject, Subject};
use super::Review;

/// Why a login's credentials are listed.
fn reason(category: CategoryId) -> &'static str {
    match category {
        CategoryId::MembersWithoutScim => "no SCIM identity",
        CategoryId::MembersWithoutIdentity => "no external identity",
        CategoryId::UnlinkedScim => "SCIM identity never linked",
        CategoryId::NameIdMismatch => "NameID ≠ userName",
        CategoryId::StaleLinks => "linked identity of a non-member",
        CategoryId::Credentials | CategoryId::OutsideCollaborators => "",
    }
}

const NOT_A_MEMBER: &str = "not a member";

fn ownership_label(ownership: Ownership) -> Option<&'static str> {
    match ownership {
        Ownership::Yours => Some("this console's token"),
        Ownership::MaybeYours => Some("the proxy's account"),
        Ownership::CannotTell | Ownership::NotYours => None,
    }
}

/// The accounts in the rows of the other categories (`flagged`), and which categories.
fn reasons<'r>(
    flagged: &[(CategoryId, &'r [DriftRow])],
) -> FxHashMap<Cow<'r, str>, Vec<CategoryId>> {
    let mut reasons: FxHashMap<Cow<str>, Vec<CategoryId>> = FxHashMap::default();
    for (category, rows) in flagged {
        for login in rows.iter().flat_map(|r| r.subject.logins()) {
            let categories = reasons.entry(keys::login(login)).or_default();
            if !categories.contains(category) {
                categories.push(*category);
            }
        }
    }
    reasons
}

impl Review {
    /// The accounts (lower-cased, sorted) whose credential authorizations the review lists,
    /// besides non-members': when there are few, `?login=` for each costs fewer requests than
    /// the whole list (which the non-member anomaly needs).
    pub fn flagged_logins(&self) -> Vec<String> {
        let drift = CategoryId::ALL.into_iter().filter(|c| c.is_drift());
        let flagged: Vec<(CategoryId, &[DriftRow])> = drift
            .filter(|c| *c != CategoryId::Credentials)
            .map(|c| (c, self.category(c).rows()))
            .collect();
        let mut logins: Vec<String> = reasons(&flagged).into_keys().map(Cow::into_owned).collect();
        logins.sort();
        logins
    }
}

/// `flagged`: the rows of the other categories, whose logins' credentials are listed.
pub(super) fn credential_rows(
    index: &Index,
    flagged: &[(CategoryId, &[DriftRow])],
) -> Vec<DriftRow> {
    let Some(credentials) = &index.input.credentials else {
        return Vec::new();
    };
    let reasons = reasons(flagged);
    let mut seen = FxHashSet::default();
    let mut rows = Vec::new();
    for credential in credentials {
        let login = &credential.login;
        if !seen.insert(credential.credential_id) || index.is_collaborator(login) {
            continue;
        }
        let member = index.is_member(login);
        let mut why: Vec<&str> = reasons
            .get(&*keys::login(login))
            .into_iter()
            .flatten()
            .map(|c| reason(*c))
            .collect();
        if !member {
            why.push(NOT_A_MEMBER);
        }
        if why.is_empty() {
            continue;
        }
        let ownership = index.input.console.owns(credential);
        let cells = vec![
            Cell::text(login),
            Cell::text(credential.kind.label()),
            Cell::optional(Some(credential.identifier())),
            Cell::optional(credential.title.as_deref()),
            Cell::optional(Some(credential.authorized_at.as_str())),
            Cell::optional(credential.accessed_at.as_deref()),
            Cell::optional(credential.expires_at.as_deref()),
            Cell::optional(Some(credential.scopes.join(" ").as_str())),
            Cell::text(why.join("; ")),
            Cell::text(if member { "yes" } else { "no" }),
            Cell::optional(ownership_label(ownership)),
        ];
        let subject = Subject::Credential(CredentialSubject {
            credential_id: credential.credential_id,
            login: login.clone(),
            member,
            kind: credential.kind.clone(),
            identifier: credential.identifier().to_owned(),
            scopes: credential.scopes.clone(),
            ownership,
        });
        rows.push(DriftRow::new(
            format!("credential:{}", credential.credential_id),
            cells,
            subject,
        ));
    }
    rows
}
