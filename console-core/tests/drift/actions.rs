//! Which actions apply to which rows, what each sends, and what it asks to confirm.
use console_core::drift::{
    ActionKind, Availability, CategoryId, Confirmation, ConsoleSelf, Credential, CredentialKind,
    InvitationSource, Offer, Plan, Review, StepKind, StepOutcome, Write,
};
use console_core::retry::Method;

use super::world::*;

/// Ana: no identity. Bob: SAML only. Cat: NameID case differs. g: linked to a former member,
/// with SCIM data; h: SAML only, former member. u: unlinked, invited; v: unlinked, neither in
/// the SCIM list nor invited; p/c: a two-node pair.
fn organization(console: ConsoleSelf) -> Review {
    let mut input = world();
    input.console = console;
    input.members = vec![
        member("ana"),
        member("bob"),
        member("cat"),
        member("acme-admin"),
        member("pam"),
    ];
    let mut cat = linked("c-node", "cat", "cat@idp");
    if let Some(saml) = cat.saml.as_mut() {
        saml.name_id = Some("Cat@idp".into());
    }
    input.identities = vec![
        saml_only("b-node", "bob", "bob@idp", &[]),
        cat,
        linked("g", "gone", "gone@idp"),
        saml_only("h", "left", "left@idp", &[]),
        scim_only(
            "u",
            "new@idp",
            &["new@acme.example"],
            "2026-01-01T00:00:00Z",
        ),
        scim_only(
            "v",
            "lost@idp",
            &["lost@acme.example"],
            "2026-01-01T00:00:00Z",
        ),
        saml_only("p", "pam", "pam", &["pam@acme.example"]),
        scim_only(
            "c",
            "pam.x@idp",
            &["pam@acme.example"],
            "2026-01-01T00:00:00Z",
        ),
    ];
    input.scim_identities = vec![
        scim_identity("s-g", "gone@idp", &[]),
        scim_identity("s-u", "new@idp", &[]),
        scim_identity("s-c", "pam.x@idp", &[]),
    ];
    input.invitations = vec![invitation(41, "new@acme.example", InvitationSource::Scim)];
    input.credentials = Some(vec![
        pat(1, "acme-admin", "Tok3n-8c"),
        Credential {
            kind: CredentialKind::Other("GitHub app token".into()),
            ..pat(2, "ana", "x")
        },
        ssh_key(3, "ana", "SHA256:k"),
        pat(4, "ghost", "zzzzzzzz"),
    ]);
    Review::build(&input)
}

fn offers(review: &Review, category: CategoryId, key: &str) -> Vec<Offer> {
    review.offers(category, row(review, category, key))
}

/// Offers as (kind, "write" / "link" / "unavailable").
type Shape = Vec<(ActionKind, &'static str)>;

/// Each offer as (kind, "write" / "link" / "unavailable").
fn summary(offers: &[Offer]) -> Shape {
    let shape = |a: &Availability| match a {
        Availability::Write(_) => "write",
        Availability::Link(_) => "link",
        Availability::Unavailable(_) => "unavailable",
    };
    offers
        .iter()
        .map(|o| (o.kind, shape(&o.availability)))
        .collect()
}

fn write(offers: &[Offer], kind: ActionKind) -> Write {
    match offers
        .iter()
        .find(|o| o.kind == kind)
        .map(|o| &o.availability)
    {
        Some(Availability::Write(write)) => write.clone(),
        other => panic!("{kind:?}: {other:?}"),
    }
}

#[test]
fn what_applies_to_each_kind_of_row() {
    use ActionKind::*;
    let review = organization(ConsoleSelf::proxy(None));
    let cases: Vec<(CategoryId, &str, Shape)> = vec![
        (
            CategoryId::MembersWithoutScim,
            "member:ana",
            vec![(RemoveMember, "write")],
        ),
        (
            CategoryId::MembersWithoutScim,
            "member:bob",
            vec![(RemoveMember, "write"), (OpenSsoPage, "link")],
        ),
        (
            CategoryId::MembersWithoutIdentity,
            "member:ana",
            vec![(RemoveMember, "write")],
        ),
        (
            CategoryId::UnlinkedScim,
            "identity:u",
            vec![(CancelInvitation, "write")],
        ),
        (
            CategoryId::UnlinkedScim,
            "identity:v",
            vec![(DeprovisionScim, "unavailable")],
        ),
        (
            CategoryId::UnlinkedScim,
            "identity:c",
            vec![(DeprovisionScim, "write")],
        ),
        (
            CategoryId::NameIdMismatch,
            "nameid:c-node",
            vec![(OpenSsoPage, "link")],
        ),
        (
            CategoryId::NameIdMismatch,
            "pair:p:c",
            vec![(OpenSsoPage, "link")],
        ),
        (
            CategoryId::StaleLinks,
            "identity:g",
            vec![(DeprovisionScim, "write")],
        ),
        (
            CategoryId::StaleLinks,
            "identity:h",
            vec![(OpenSsoPage, "unavailable")],
        ),
        (
            CategoryId::Credentials,
            "credential:1",
            vec![(RevokeCredential, "write"), (OpenSsoPage, "link")],
        ),
        (
            CategoryId::Credentials,
            "credential:2",
            vec![(RevokeCredential, "unavailable"), (OpenSsoPage, "link")],
        ),
        (
            CategoryId::Credentials,
            "credential:3",
            vec![(RevokeCredential, "write"), (OpenSsoPage, "link")],
        ),
        (
            CategoryId::Credentials,
            "credential:4",
            vec![(RevokeCredential, "write")],
        ),
    ];
    for (category, key, expected) in cases {
        assert_eq!(
            summary(&offers(&review, category, key)),
            expected,
            "{category:?} {key}"
        );
    }
}

#[test]
fn removing_a_member_says_the_idp_should_own_it_and_asks_for_the_login() {
    let review = organization(ConsoleSelf::direct("tok", Some("ACME-admin".into())));
    let remove = write(
        &offers(&review, CategoryId::MembersWithoutScim, "member:bob"),
        ActionKind::RemoveMember,
    );
    assert_eq!(remove.plan.steps.len(), 1);
    let step = &remove.plan.steps[0];
    assert_eq!(
        (step.kind, step.method, step.path.as_str()),
        (
            StepKind::RemoveMember,
            Method::Delete,
            "/orgs/acme/members/bob"
        )
    );
    assert!(remove.warnings[0].contains("IdP"), "{:?}", remove.warnings);
    assert_eq!(remove.confirmation.typed, "bob");
    assert_eq!(remove.confirmation.second, None);
    let yourself = write(
        &offers(&review, CategoryId::MembersWithoutScim, "member:acme-admin"),
        ActionKind::RemoveMember,
    );
    assert!(yourself
        .confirmation
        .second
        .is_some_and(|s| s.contains("the console is using")));
}

#[test]
fn cancelling_a_scim_invitation_then_its_identity_runs_in_order() {
    let review = organization(ConsoleSelf::proxy(None));
    let cancel = write(
        &offers(&review, CategoryId::UnlinkedScim, "identity:u"),
        ActionKind::CancelInvitation,
    );
    let steps: Vec<(StepKind, &str)> = cancel
        .plan
        .steps
        .iter()
        .map(|s| (s.kind, s.path.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (StepKind::CancelInvitation, "/orgs/acme/invitations/41"),
            (
                StepKind::DeleteScimIdentity,
                "/scim/v2/organizations/acme/Users/s-u"
            ),
        ]
    );
    assert_eq!(cancel.confirmation.typed, "new@idp");
    let plan = &cancel.plan;
    use StepOutcome::*;
    // (outcomes so far, next step, per-step results, succeeded)
    type Case = (Vec<StepOutcome>, Option<usize>, Vec<StepOutcome>, bool);
    let cases: Vec<Case> = vec![
        (vec![], Some(0), vec![NotSent, NotSent], false),
        (vec![Done], Some(1), vec![Done, NotSent], false),
        (
            vec![AlreadyGone],
            Some(1),
            vec![AlreadyGone, NotSent],
            false,
        ),
        (
            vec![Failed("422".into())],
            None,
            vec![Failed("422".into()), NotSent],
            false,
        ),
        (
            vec![Done, Failed("500".into())],
            None,
            vec![Done, Failed("500".into())],
            false,
        ),
        (vec![Done, Done], None, vec![Done, Done], true),
        (
            vec![AlreadyGone, AlreadyGone],
            None,
            vec![AlreadyGone, AlreadyGone],
            true,
        ),
    ];
    for (outcomes, next, results, succeeded) in cases {
        assert_eq!(plan.next(&outcomes), next, "{outcomes:?}");
        assert_eq!(plan.results(&outcomes), results, "{outcomes:?}");
        assert_eq!(plan.succeeded(&outcomes), succeeded, "{outcomes:?}");
    }
}

#[test]
fn without_the_scim_id_the_cancellation_says_the_identity_stays() {
    let mut input = world();
    input.identities = vec![scim_only(
        "u",
        "new@idp",
        &["new@acme.example"],
        "2026-01-01T00:00:00Z",
    )];
    input.invitations = vec![invitation(41, "new@acme.example", InvitationSource::Scim)];
    let review = Review::build(&input);
    let cancel = write(
        &offers(&review, CategoryId::UnlinkedScim, "identity:u"),
        ActionKind::CancelInvitation,
    );
    assert_eq!(cancel.plan.steps.len(), 1);
    assert!(
        cancel.warnings.iter().any(|w| w.contains("stays")),
        "{:?}",
        cancel.warnings
    );
}

#[test]
fn revoking_warns_it_is_final_and_asks_twice_for_the_consoles_own_token() {
    let cases = [
        (ConsoleSelf::direct("ghp_xxxxTok3n-8c", None), true, false),
        (ConsoleSelf::direct("ghp_other", None), false, false),
        (ConsoleSelf::proxy(Some("acme-admin".into())), true, false),
        (ConsoleSelf::proxy(None), false, true),
    ];
    for (console, second, cannot_tell) in cases {
        let review = organization(console.clone());
        let revoke = write(
            &offers(&review, CategoryId::Credentials, "credential:1"),
            ActionKind::RevokeCredential,
        );
        assert_eq!(
            revoke.plan.steps[0].path,
            "/orgs/acme/credential-authorizations/1"
        );
        assert!(
            revoke.warnings[0].contains("cannot be authorized again"),
            "{:?}",
            revoke.warnings
        );
        assert_eq!(revoke.confirmation.second.is_some(), second, "{console:?}");
        let says_so = revoke.warnings.iter().any(|w| w.contains("cannot tell"));
        assert_eq!(says_so, cannot_tell, "{console:?}");
    }
}

#[test]
fn typed_confirmation_for_one_and_for_many() {
    let one = Confirmation {
        typed: "bob".into(),
        second: None,
    };
    assert!(one.accepts(" bob "));
    assert!(!one.accepts("Bob"));
    assert!(!one.accepts("bo"));
    // The console's one rule (`confirm::confirms`): a name shown with spaces around it, or a
    // line break inside it, is confirmed as it is pasted.
    let spaced = Confirmation {
        typed: "  padded\r\nname  ".into(),
        second: None,
    };
    assert!(spaced.accepts("padded name"));
    assert!(!spaced.accepts("paddedname"));
    let own = Confirmation {
        typed: "acme-admin".into(),
        second: Some("own"),
    };
    assert_eq!(Confirmation::for_many([&one]), one);
    let many = Confirmation::for_many([&one, &own, &one]);
    assert_eq!((many.typed.as_str(), many.second), ("3", Some("own")));
    assert!(many.accepts("3"));
    assert_eq!(Confirmation::for_many([]).typed, "0");
    assert_eq!(Plan { steps: vec![] }.next(&[]), None);
}

#[test]
fn links_and_paths_of_hostile_names_are_encoded_or_refused() {
    let mut input = world();
    input.org = "acme corp".into();
    input.members = vec![member("a/b?c"), member("..")];
    input.identities = vec![
        saml_only("x", "a/b?c", "x", &[]),
        saml_only("y", "..", "y", &[]),
    ];
    let review = Review::build(&input);
    let hostile = offers(&review, CategoryId::MembersWithoutScim, "member:a/b?c");
    let remove = write(&hostile, ActionKind::RemoveMember);
    assert_eq!(
        remove.plan.steps[0].path,
        "/orgs/acme%20corp/members/a%2Fb%3Fc"
    );
    let link = hostile
        .iter()
        .find(|o| o.kind == ActionKind::OpenSsoPage)
        .map(|o| o.availability.clone());
    assert_eq!(
        link,
        Some(Availability::Link(
            "https://github.com/orgs/acme%20corp/people/a%2Fb%3Fc/sso".into()
        ))
    );
    let dots = summary(&offers(
        &review,
        CategoryId::MembersWithoutScim,
        "member:..",
    ));
    assert_eq!(
        dots,
        [
            (ActionKind::RemoveMember, "unavailable"),
            (ActionKind::OpenSsoPage, "unavailable")
        ]
    );
}

/// Issue 23: deprovisioning a stale identity asked to type its userName while the list showed
/// its login. Every write asks for what its row shows first (`DriftRow::name`).
#[test]
fn each_confirmation_asks_for_what_the_row_shows() {
    let review = organization(ConsoleSelf::proxy(None));
    let mut checked = 0;
    for category in CategoryId::ALL {
        for row in review.category(category).rows() {
            for offer in review.offers(category, row) {
                if let Availability::Write(write) = offer.availability {
                    // The table's first column, as the owner reads it (not `DriftRow::name`,
                    // which the rule under test uses).
                    assert_eq!(
                        write.confirmation.typed,
                        row.cells[0].display(),
                        "{category:?} {}",
                        row.key
                    );
                    checked += 1;
                }
            }
        }
    }
    let stale = row(&review, CategoryId::StaleLinks, "identity:g");
    let deprovision = write(
        &review.offers(CategoryId::StaleLinks, stale),
        ActionKind::DeprovisionScim,
    );
    assert_eq!(deprovision.confirmation.typed, "gone");
    assert!(checked > 5, "{checked} writes checked");
}

fn with_owners(owners: &[&str]) -> Review {
    let mut input = world();
    input.console = ConsoleSelf::proxy(None);
    input.members = ["ana", "bob"]
        .iter()
        .map(|login| console_core::drift::Member {
            role: if owners.contains(login) {
                console_core::drift::Role::Admin
            } else {
                console_core::drift::Role::Member
            },
            ..member(login)
        })
        .collect();
    Review::build(&input)
}

/// Issue 23: "Remove" was offered on the organization's only owner with no warning. GitHub
/// refuses to remove the last owner: the review says so and offers nothing to send; removing
/// one of several owners needs its own confirmation.
#[test]
fn the_last_owner_cannot_be_removed_and_an_owner_needs_a_second_confirmation() {
    let review = with_owners(&["ana"]);
    let ana = offers(&review, CategoryId::MembersWithoutScim, "member:ana");
    assert_eq!(
        ana.iter()
            .find(|o| o.kind == ActionKind::RemoveMember)
            .map(|o| &o.availability),
        Some(&Availability::Unavailable(
            console_core::drift::warnings::LAST_OWNER
        ))
    );
    let bob = offers(&review, CategoryId::MembersWithoutScim, "member:bob");
    assert_eq!(
        write(&bob, ActionKind::RemoveMember).confirmation.second,
        None
    );

    let review = with_owners(&["ana", "bob"]);
    let ana = offers(&review, CategoryId::MembersWithoutScim, "member:ana");
    assert_eq!(
        write(&ana, ActionKind::RemoveMember).confirmation.second,
        Some(console_core::drift::warnings::REMOVING_AN_OWNER)
    );
}

/// Issue 23: both of an account's credentials had the same accessible name. A credential row
/// is described by its type, its last eight (or fingerprint) and its scopes, and whether it is
/// the console's own token.
#[test]
fn a_credential_row_says_which_credential_it_is() {
    let review = organization(ConsoleSelf::direct(
        "ghp_xxxxTok3n-8c",
        Some("acme-admin".into()),
    ));
    let own = row(&review, CategoryId::Credentials, "credential:1");
    assert_eq!(
        own.described(),
        "acme-admin's personal access token (classic) ending Tok3n-8c, scopes repo (this console's token)"
    );
    let key = row(&review, CategoryId::Credentials, "credential:3");
    assert_eq!(key.described(), "ana's SSH key SHA256:k, no scopes");
    let member = row(&review, CategoryId::MembersWithoutScim, "member:ana");
    assert_eq!(member.described(), "ana");
}

/// Review of issue 23's change: a bulk removal of [another owner, the console's own account]
/// showed only "This is an owner…", hiding the self-lockout warning. Of several second
/// confirmations the dialog asks the gravest.
#[test]
fn of_several_second_confirmations_the_gravest_is_asked() {
    use console_core::drift::warnings::{REMOVING_AN_OWNER, REMOVING_YOURSELF, REVOKING_OWN_TOKEN};
    let ask = |second| Confirmation {
        typed: "x".into(),
        second,
    };
    let many = Confirmation::for_many(&[
        ask(Some(REMOVING_AN_OWNER)),
        ask(None),
        ask(Some(REMOVING_YOURSELF)),
    ]);
    assert_eq!(many.second, Some(REMOVING_YOURSELF));
    let many =
        Confirmation::for_many(&[ask(Some(REMOVING_AN_OWNER)), ask(Some(REVOKING_OWN_TOKEN))]);
    assert_eq!(many.second, Some(REVOKING_OWN_TOKEN));
}
