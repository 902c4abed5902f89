//! Running a plan: which read confirms a DELETE's 404 for each kind of step, and what one
//! item's record says once its steps are settled.
use console_core::activity::Outcome;
use console_core::drift::{
    check_for, item_outcome, Check, CredentialKind, CredentialSubject, IdentitySubject, Listed,
    MemberSubject, Owner, Ownership, Step, StepKind, StepOutcome, Subject,
};
use console_core::retry::Method;

fn step(kind: StepKind, path: &str) -> Step {
    Step {
        kind,
        method: Method::Delete,
        path: path.into(),
    }
}

fn identity(invitation_id: Option<u64>) -> Subject {
    Subject::Identity(IdentitySubject {
        guid: "g".into(),
        login: None,
        member: false,
        has_saml: false,
        has_scim: true,
        scim_user_name: Some("ana@idp".into()),
        email: None,
        scim_user_id: Some("s-1".into()),
        invitation_id,
    })
}

#[test]
fn each_kind_of_step_is_confirmed_by_its_own_read() {
    let member = Subject::Member(MemberSubject {
        login: "Ana-K".into(),
        has_saml: false,
        linked_scim: false,
        owner: Owner::No,
    });
    assert_eq!(
        check_for(
            "acme",
            &step(StepKind::RemoveMember, "/orgs/acme/members/Ana-K"),
            &member
        ),
        Some(Check::Membership("/orgs/acme/memberships/Ana-K".into()))
    );
    let scim = step(
        StepKind::DeleteScimIdentity,
        "/scim/v2/organizations/acme/Users/s-1",
    );
    assert_eq!(
        check_for("acme", &scim, &identity(Some(4))),
        Some(Check::Get("/scim/v2/organizations/acme/Users/s-1".into()))
    );
    let cancel = step(StepKind::CancelInvitation, "/orgs/acme/invitations/4");
    assert_eq!(
        check_for("acme", &cancel, &identity(Some(4))),
        Some(Check::NotListed {
            path: "/orgs/acme/invitations".into(),
            list: Listed::Invitations,
            id: 4
        })
    );
    assert_eq!(check_for("acme", &cancel, &identity(None)), None);
    let credential = Subject::Credential(CredentialSubject {
        credential_id: 9,
        login: "a b&c".into(),
        member: true,
        kind: CredentialKind::ClassicPat,
        identifier: "12345678".into(),
        scopes: Vec::new(),
        ownership: Ownership::NotYours,
    });
    let revoke = step(
        StepKind::RevokeCredential,
        "/orgs/acme/credential-authorizations/9",
    );
    assert_eq!(
        check_for("acme", &revoke, &credential),
        Some(Check::NotListed {
            path: "/orgs/acme/credential-authorizations?login=a%20b%26c".into(),
            list: Listed::CredentialAuthorizations,
            id: 9
        })
    );
    // A step that does not fit its subject is not confirmed by guessing.
    assert_eq!(check_for("acme", &revoke, &member), None);
}

#[test]
fn an_item_is_done_only_when_every_step_is() {
    let done = |n: &str| Outcome::Done(n.into());
    let one = [(StepKind::RemoveMember, done(""))];
    assert_eq!(item_outcome(&one), done(""));
    let two = [
        (StepKind::CancelInvitation, done("")),
        (
            StepKind::DeleteScimIdentity,
            done("already removed; confirmed by look-up"),
        ),
    ];
    assert_eq!(
        item_outcome(&two),
        done("already removed; confirmed by look-up")
    );
}

#[test]
fn a_failed_first_step_says_the_second_was_not_sent() {
    let failed = [
        (
            StepKind::CancelInvitation,
            Outcome::Failed("GitHub refused the request: x".into()),
        ),
        (
            StepKind::DeleteScimIdentity,
            Outcome::NotSent("the step before did not succeed".into()),
        ),
    ];
    assert_eq!(
        item_outcome(&failed),
        Outcome::Failed(
            "Cancel the invitation: GitHub refused the request: x; not sent: Delete the SCIM identity"
                .into()
        )
    );
    let second = [
        (StepKind::CancelInvitation, Outcome::Done(String::new())),
        (
            StepKind::DeleteScimIdentity,
            Outcome::NotSent("SAML session not authorized".into()),
        ),
    ];
    assert_eq!(
        item_outcome(&second),
        Outcome::NotSent(
            "Cancel the invitation done; Delete the SCIM identity: SAML session not authorized"
                .into()
        )
    );
    let single = [(
        StepKind::RevokeCredential,
        Outcome::Unknown("timed out".into()),
    )];
    assert_eq!(item_outcome(&single), Outcome::Unknown("timed out".into()));
}

#[test]
fn only_a_done_step_lets_the_next_leave() {
    assert_eq!(
        StepOutcome::of(&Outcome::Done(String::new())),
        StepOutcome::Done
    );
    assert_eq!(
        StepOutcome::of(&Outcome::Done(
            "already removed; confirmed by look-up".into()
        )),
        StepOutcome::AlreadyGone
    );
    for blocked in [
        Outcome::Failed("x".into()),
        Outcome::Unknown("x".into()),
        Outcome::NotSent("x".into()),
    ] {
        assert!(
            !matches!(
                StepOutcome::of(&blocked),
                StepOutcome::Done | StepOutcome::AlreadyGone
            ),
            "{blocked:?}"
        );
    }
}
