//! The offers of each kind of row (see `actions` for what an offer is). Each rule says which
//! warnings its dialog shows; the wording and its sources are in `warnings`.
use crate::retry::Method;

use super::actions::{ActionKind, Availability, Offer, Write};
use super::category::CategoryId;
use super::credential::{ConsoleSelf, Ownership};
use super::keys;
use super::links;
use super::plan::{Confirmation, Plan, Step, StepKind};
use super::subject::{CredentialSubject, IdentitySubject, MemberSubject, Owner};
use super::warnings as w;

fn offer(kind: ActionKind, availability: Availability) -> Offer {
    Offer { kind, availability }
}

fn step(kind: StepKind, path: Option<String>) -> Option<Step> {
    let path = path?;
    Some(Step {
        kind,
        method: Method::Delete,
        path,
    })
}

/// A write whose steps could all be built (a name that cannot be a path segment cannot).
fn write(
    steps: Vec<Option<Step>>,
    warnings: Vec<&'static str>,
    typed: &str,
    second: Option<&'static str>,
) -> Availability {
    match steps.into_iter().collect::<Option<Vec<Step>>>() {
        Some(steps) => Availability::Write(Write {
            plan: Plan { steps },
            warnings,
            confirmation: Confirmation {
                typed: typed.to_owned(),
                second,
            },
        }),
        None => Availability::Unavailable(w::UNUSABLE_NAME),
    }
}

pub(super) fn sso_link(org: &str, login: &str) -> Offer {
    let availability = match links::sso_page(org, login) {
        Some(url) => Availability::Link(url),
        None => Availability::Unavailable(w::UNUSABLE_NAME),
    };
    offer(ActionKind::OpenSsoPage, availability)
}

pub(super) fn member_offers(
    org: &str,
    member: &MemberSubject,
    console: &ConsoleSelf,
) -> Vec<Offer> {
    let mut warnings = vec![w::IDP_SHOULD_OWN, w::REMOVAL_ENDS];
    if member.linked_scim {
        warnings.push(w::LEAVES_STALE_IDENTITY);
    }
    let yourself = console
        .login
        .as_deref()
        .is_some_and(|l| keys::same_login(l, &member.login));
    let second = match (yourself, member.owner) {
        (true, _) => Some(w::REMOVING_YOURSELF),
        (false, Owner::Yes) => Some(w::REMOVING_AN_OWNER),
        (false, _) => None,
    };
    let steps = vec![step(
        StepKind::RemoveMember,
        links::member_path(org, &member.login),
    )];
    let removal = match member.owner {
        Owner::Only => Availability::Unavailable(w::LAST_OWNER),
        Owner::Yes | Owner::No => write(steps, warnings, &member.login, second),
    };
    let mut offers = vec![offer(ActionKind::RemoveMember, removal)];
    if member.has_saml {
        offers.push(sso_link(org, &member.login));
    }
    offers
}

pub(super) fn identity_offers(
    org: &str,
    category: CategoryId,
    identity: &IdentitySubject,
) -> Vec<Offer> {
    let typed = identity.shown_name();
    let delete = |id: &str| step(StepKind::DeleteScimIdentity, links::scim_user_path(org, id));
    let scim_id = identity.scim_user_id.as_deref();
    let mut offers = Vec::new();
    match (category, identity.invitation_id) {
        (CategoryId::UnlinkedScim, Some(invitation)) => {
            let cancel = step(
                StepKind::CancelInvitation,
                links::invitation_path(org, invitation),
            );
            let (steps, warnings) = match scim_id {
                Some(id) => (
                    vec![cancel, delete(id)],
                    vec![w::CANCEL_THEN_DELETE, w::IDP_WILL_REPROVISION],
                ),
                None => (
                    vec![cancel],
                    vec![w::CANCEL_KEEPS_IDENTITY, w::IDP_WILL_REPROVISION],
                ),
            };
            offers.push(offer(
                ActionKind::CancelInvitation,
                write(steps, warnings, typed, None),
            ));
        }
        (CategoryId::UnlinkedScim | CategoryId::StaleLinks, _) if identity.has_scim => {
            let warnings = match category {
                CategoryId::StaleLinks => vec![w::STALE_IDENTITY_DELETE, w::IDP_WILL_REPROVISION],
                _ => vec![w::UNLINKED_IDENTITY_DELETE, w::IDP_WILL_REPROVISION],
            };
            let availability = match scim_id {
                Some(id) => write(vec![delete(id)], warnings, typed, None),
                None => Availability::Unavailable(w::SCIM_ID_UNKNOWN),
            };
            offers.push(offer(ActionKind::DeprovisionScim, availability));
        }
        (CategoryId::StaleLinks, _) => {
            offers.push(offer(
                ActionKind::OpenSsoPage,
                Availability::Unavailable(w::NO_API_FOR_FORMER_MEMBER),
            ));
        }
        _ => {}
    }
    if let (true, Some(login)) = (
        identity.member && identity.has_saml,
        identity.login.as_deref(),
    ) {
        offers.push(sso_link(org, login));
    }
    offers
}

pub(super) fn credential_offers(org: &str, credential: &CredentialSubject) -> Vec<Offer> {
    let availability = if credential.kind.revocable() {
        let mut warnings = vec![w::REVOKE_IS_FINAL, w::REVOKE_KEEPS_CREDENTIAL];
        let second = match credential.ownership {
            Ownership::Yours => Some(w::REVOKING_OWN_TOKEN),
            Ownership::MaybeYours => Some(w::REVOKING_PROXY_ACCOUNT),
            Ownership::CannotTell => {
                warnings.push(w::PROXY_CANNOT_TELL);
                None
            }
            Ownership::NotYours => None,
        };
        let steps = vec![step(
            StepKind::RevokeCredential,
            links::credential_path(org, credential.credential_id),
        )];
        write(steps, warnings, &credential.login, second)
    } else {
        Availability::Unavailable(w::NOT_REVOCABLE)
    };
    let mut offers = vec![offer(ActionKind::RevokeCredential, availability)];
    if credential.member {
        offers.push(sso_link(org, &credential.login));
    }
    offers
}
