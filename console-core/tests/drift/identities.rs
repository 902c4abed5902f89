//! SCIM identities never linked (with the ids their actions need) and identities linked to a
//! login that is no longer a member.
use console_core::drift::{
    CategoryId, ExternalIdentity, InvitationSource, NodeInvitation, Subject,
};

use super::world::*;

const UNLINKED: CategoryId = CategoryId::UnlinkedScim;
const STALE: CategoryId = CategoryId::StaleLinks;

fn identity(
    review: &console_core::drift::Review,
    category: CategoryId,
    key: &str,
) -> console_core::drift::IdentitySubject {
    match &row(review, category, key).subject {
        Subject::Identity(identity) => identity.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unlinked_identity_carries_its_age_scim_user_id_and_invitation() {
    let mut input = world();
    input.identities = vec![scim_only(
        "g1",
        "Zoe@IdP.example",
        &["Zoe@Acme.example"],
        "2026-01-01T12:00:00Z",
    )];
    input.scim_identities = vec![scim_identity(
        "s-1",
        "zoe@idp.example",
        &["zoe@acme.example"],
    )];
    input.invitations = vec![invitation(77, "zoe@acme.example", InvitationSource::Scim)];
    let review = review(&input);
    let key = "identity:g1";
    assert_eq!(keys(&review, UNLINKED), [key]);
    assert_eq!(
        cell(&review, UNLINKED, key, "age_days"),
        "29",
        "whole days to now"
    );
    assert_eq!(
        cell(&review, UNLINKED, key, "invited_at"),
        "2026-01-01T12:00:00Z"
    );
    assert_eq!(
        cell(&review, UNLINKED, key, "scim_user_id"),
        "s-1",
        "userName, case-insensitively"
    );
    assert_eq!(
        cell(&review, UNLINKED, key, "invitation_id"),
        "77",
        "email, case-insensitively"
    );
    assert_eq!(cell(&review, UNLINKED, key, "email"), "Zoe@Acme.example");
    let subject = identity(&review, UNLINKED, key);
    assert_eq!(
        (subject.scim_user_id.as_deref(), subject.invitation_id),
        (Some("s-1"), Some(77))
    );
    assert_eq!(
        (subject.login, subject.member, subject.has_scim),
        (None, false, true)
    );
}

#[test]
fn a_user_name_is_shown_exactly_as_github_holds_it_and_still_joins() {
    let mut input = world();
    let spaced = "  zoe@idp.example  ";
    input.identities = vec![scim_only(
        "g1",
        spaced,
        &["zoe@acme.example"],
        "2026-01-01T12:00:00Z",
    )];
    input.scim_identities = vec![scim_identity("s-1", spaced, &["zoe@acme.example"])];
    let review = review(&input);
    let key = "identity:g1";
    assert_eq!(cell(&review, UNLINKED, key, "scim_user_name"), spaced);
    let subject = identity(&review, UNLINKED, key);
    assert_eq!(subject.shown_name(), spaced, "what the dialog asks to type");
    assert_eq!(subject.scim_user_id.as_deref(), Some("s-1"));
}

#[test]
fn the_joins_fall_back_and_refuse_to_guess() {
    // (what, the SCIM list, the invitations, expected scim_user_id, expected invitation id)
    let cases: Vec<(&str, Vec<_>, Vec<_>, &str, &str)> = vec![
        (
            "userName absent: email",
            vec![scim_identity("s-2", "other", &["ZOE@acme.example"])],
            vec![],
            "s-2",
            "",
        ),
        (
            "two case variants of the userName: the exact one",
            vec![
                scim_identity("s-1", "zoe@idp.example", &[]),
                scim_identity("s-2", "Zoe@IdP.example", &[]),
            ],
            vec![],
            "s-2",
            "",
        ),
        (
            "two identities with the email: unknown",
            vec![
                scim_identity("s-1", "a", &["zoe@acme.example"]),
                scim_identity("s-2", "b", &["zoe@acme.example"]),
            ],
            vec![],
            "",
            "",
        ),
        (
            "a member invitation is never joined",
            vec![],
            vec![invitation(5, "zoe@acme.example", InvitationSource::Member)],
            "",
            "",
        ),
        (
            "an invitation of unknown source is",
            vec![],
            vec![invitation(6, "zoe@acme.example", InvitationSource::Unknown)],
            "",
            "6",
        ),
        (
            "two SCIM invitations to the email: unknown",
            vec![],
            vec![
                invitation(7, "zoe@acme.example", InvitationSource::Scim),
                invitation(8, "ZOE@acme.example", InvitationSource::Scim),
            ],
            "",
            "",
        ),
    ];
    for (what, scim_list, invitations, scim_id, invitation_id) in cases {
        let mut input = world();
        input.identities = vec![scim_only(
            "g1",
            "Zoe@IdP.example",
            &["zoe@acme.example"],
            "2026-01-01T00:00:00Z",
        )];
        input.scim_identities = scim_list;
        input.invitations = invitations;
        let review = review(&input);
        assert_eq!(
            cell(&review, UNLINKED, "identity:g1", "scim_user_id"),
            scim_id,
            "{what}"
        );
        assert_eq!(
            cell(&review, UNLINKED, "identity:g1", "invitation_id"),
            invitation_id,
            "{what}"
        );
    }
}

#[test]
fn an_identity_with_no_emails_and_no_invitation_still_shows() {
    let mut input = world();
    input.identities = vec![ExternalIdentity {
        invitation: None,
        ..scim_only("g1", "zoe", &[], "")
    }];
    input.scim_identities = vec![scim_identity("s-1", "ZOE", &[])];
    input.invitations = vec![invitation(7, "zoe@acme.example", InvitationSource::Scim)];
    let review = review(&input);
    assert_eq!(cell(&review, UNLINKED, "identity:g1", "email"), "");
    assert_eq!(
        cell(&review, UNLINKED, "identity:g1", "age_days"),
        "",
        "no invitation, no age"
    );
    assert_eq!(
        cell(&review, UNLINKED, "identity:g1", "scim_user_id"),
        "s-1"
    );
    assert_eq!(
        cell(&review, UNLINKED, "identity:g1", "invitation_id"),
        "",
        "nothing to join by"
    );
}

#[test]
fn the_age_falls_back_to_the_rest_invitation_and_the_invitee_login_joins() {
    let mut input = world();
    let mut by_login = scim_only("g1", "zoe", &[], "");
    by_login.invitation = Some(NodeInvitation {
        created_at: "not a date".into(),
        email: None,
        source: InvitationSource::Scim,
        invitee_login: Some("Zoe-GH".into()),
    });
    let by_email = ExternalIdentity {
        invitation: None,
        ..scim_only("g2", "yan", &["Yan@acme.example"], "")
    };
    input.identities = vec![by_login, by_email];
    let mut rest = invitation(9, "x@y.example", InvitationSource::Scim);
    rest.login = Some("zoe-gh".into());
    input.invitations = vec![
        rest,
        invitation(10, "yan@acme.example", InvitationSource::Scim),
    ];
    let review = review(&input);
    assert_eq!(cell(&review, UNLINKED, "identity:g1", "invitation_id"), "9");
    assert_eq!(
        cell(&review, UNLINKED, "identity:g1", "age_days"),
        "",
        "an unreadable date has no age"
    );
    assert_eq!(
        cell(&review, UNLINKED, "identity:g2", "invitation_id"),
        "10"
    );
    assert_eq!(
        cell(&review, UNLINKED, "identity:g2", "invited_at"),
        "2025-12-01T00:00:00Z"
    );
    assert_eq!(cell(&review, UNLINKED, "identity:g2", "age_days"), "61");
}

#[test]
fn nodes_are_unique_by_guid_and_an_empty_node_is_nowhere() {
    let mut input = world();
    let node = scim_only("g1", "zoe", &[], "2026-01-01T00:00:00Z");
    input.identities = vec![
        node.clone(),
        node,
        ExternalIdentity {
            guid: "empty".into(),
            ..ExternalIdentity::default()
        },
    ];
    let review = review(&input);
    assert_eq!(keys(&review, UNLINKED), ["identity:g1"]);
    for category in CategoryId::ALL {
        assert!(
            !keys(&review, category).iter().any(|k| k.contains("empty")),
            "{category:?}"
        );
    }
}

#[test]
fn a_linked_login_that_is_not_a_member_is_stale_unless_a_collaborator() {
    let mut input = world();
    input.members = vec![member("Ana")];
    input.outside_collaborators = vec![console_core::drift::Collaborator {
        login: "oc".into(),
        name: None,
    }];
    input.identities = vec![
        linked("a", "ana", "ana@idp"),
        linked("g", "gone", "gone@idp"),
        saml_only("h", "left", "left@idp", &[]),
        linked("o", "OC", "oc@idp"),
    ];
    input.scim_identities = vec![scim_identity("s-g", "gone@idp", &[])];
    let review = review(&input);
    assert_eq!(keys(&review, STALE), ["identity:g", "identity:h"]);
    assert_eq!(cell(&review, STALE, "identity:g", "scim_user_id"), "s-g");
    assert_eq!(
        cell(&review, STALE, "identity:g", "scim_user_name"),
        "gone@idp"
    );
    assert_eq!(
        cell(&review, STALE, "identity:h", "saml_name_id"),
        "left@idp"
    );
    let gone = identity(&review, STALE, "identity:g");
    assert_eq!(
        (gone.login.as_deref(), gone.member, gone.has_scim),
        (Some("gone"), false, true)
    );
    assert!(!identity(&review, STALE, "identity:h").has_scim);
}
