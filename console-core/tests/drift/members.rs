//! Members without a SCIM identity, without any external identity, and outside collaborators.
use console_core::drift::{CategoryId, ExternalIdentity, ScimAttributes, Subject};

use super::world::*;

const WITHOUT_SCIM: CategoryId = CategoryId::MembersWithoutScim;
const WITHOUT_IDENTITY: CategoryId = CategoryId::MembersWithoutIdentity;

#[test]
fn each_member_rule_against_the_nodes_linked_to_the_login() {
    let scim_without_name = ExternalIdentity {
        scim: Some(ScimAttributes::default()),
        ..linked("n", "ana", "x")
    };
    let empty_name = ExternalIdentity {
        scim: Some(scim("  ", &[])),
        ..linked("n", "ana", "x")
    };
    // (what ana has, in "without SCIM", in "without identity", the identity cell)
    let cases: Vec<(&str, Vec<ExternalIdentity>, bool, bool, &str)> = vec![
        (
            "nothing",
            vec![],
            true,
            true,
            "none (never signed in with SAML)",
        ),
        (
            "a SAML-only node",
            vec![saml_only("n", "ana", "ana@idp", &[])],
            true,
            false,
            "SAML only",
        ),
        (
            "a linked node",
            vec![linked("n", "ana", "ana@idp")],
            false,
            false,
            "",
        ),
        (
            "a node linked to ANA",
            vec![linked("n", "ANA", "ana@idp")],
            false,
            false,
            "",
        ),
        (
            "SCIM data without userName",
            vec![scim_without_name],
            true,
            false,
            "SCIM identity without a userName",
        ),
        (
            "a blank userName",
            vec![empty_name],
            true,
            false,
            "SCIM identity without a userName",
        ),
        (
            "a linked node and a stale SCIM-only node",
            vec![
                linked("n", "ana", "ana@idp"),
                scim_only(
                    "m",
                    "ana.old@idp",
                    &["ana@acme.example"],
                    "2025-01-01T00:00:00Z",
                ),
            ],
            false,
            false,
            "",
        ),
        (
            "a linked node and a second SAML-only node",
            vec![
                linked("n", "ana", "ana@idp"),
                saml_only("m", "ana", "ana@other", &[]),
            ],
            false,
            false,
            "",
        ),
    ];
    for (what, nodes, without_scim, without_identity, identity) in cases {
        let mut input = world();
        input.members = vec![member("ana"), member("bob")];
        input.identities = nodes;
        input.identities.push(linked("b", "bob", "bob@idp"));
        let review = review(&input);
        let ana = "member:ana".to_owned();
        assert_eq!(
            keys(&review, WITHOUT_SCIM).contains(&ana),
            without_scim,
            "{what}"
        );
        assert_eq!(
            keys(&review, WITHOUT_IDENTITY).contains(&ana),
            without_identity,
            "{what}"
        );
        assert!(
            !keys(&review, WITHOUT_SCIM).contains(&"member:bob".to_owned()),
            "{what}"
        );
        if without_scim {
            assert_eq!(
                cell(&review, WITHOUT_SCIM, &ana, "identity"),
                identity,
                "{what}"
            );
        }
    }
}

#[test]
fn the_row_shows_the_saml_name_id_and_what_removal_needs() {
    let mut input = world();
    input.members = vec![member("Ana-B")];
    input.identities = vec![saml_only("n", "ana-b", "Ana.B@idp.example", &[])];
    let review = review(&input);
    let key = "member:ana-b";
    assert_eq!(cell(&review, WITHOUT_SCIM, key, "login"), "Ana-B");
    assert_eq!(
        cell(&review, WITHOUT_SCIM, key, "saml_name_id"),
        "Ana.B@idp.example"
    );
    assert_eq!(cell(&review, WITHOUT_SCIM, key, "role"), "member");
    assert_eq!(
        cell(&review, WITHOUT_SCIM, key, "credentials"),
        "",
        "credentials not loaded"
    );
    let Subject::Member(subject) = &row(&review, WITHOUT_SCIM, key).subject else {
        panic!()
    };
    assert_eq!(
        (
            subject.login.as_str(),
            subject.has_saml,
            subject.linked_scim
        ),
        ("Ana-B", true, false)
    );
}

#[test]
fn outside_collaborators_are_shown_apart_and_never_in_the_drift() {
    let mut input = world();
    // GitHub keeps the two lists apart; a login in both (pages read mid-change) still counts
    // as a collaborator.
    input.members = vec![member("ana"), member("oc2")];
    input.outside_collaborators = vec![
        console_core::drift::Collaborator {
            login: "OC".into(),
            name: Some("Out Side".into()),
        },
        console_core::drift::Collaborator {
            login: "oc2".into(),
            name: None,
        },
    ];
    input.identities = vec![
        saml_only("s", "oc", "oc@idp", &["oc@x.example"]),
        scim_only("c", "oc.idp", &["oc@x.example"], "2025-01-01T00:00:00Z"),
        ExternalIdentity {
            scim: Some(scim("other", &[])),
            ..saml_only("t", "oc", "oc@idp", &[])
        },
    ];
    input.credentials = Some(vec![pat(1, "oc", "aaaaaaaa"), pat(2, "oc2", "bbbbbbbb")]);
    let review = review(&input);
    for category in CategoryId::ALL.into_iter().filter(|c| c.is_drift()) {
        for row in review.category(category).rows() {
            let logins = row.subject.logins();
            assert!(
                !logins
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case("oc") || *l == "oc2"),
                "{category:?}: {logins:?}"
            );
        }
    }
    assert_eq!(
        keys(&review, CategoryId::OutsideCollaborators),
        ["collaborator:oc", "collaborator:oc2"]
    );
    let key = "collaborator:oc";
    assert_eq!(
        cell(
            &review,
            CategoryId::OutsideCollaborators,
            key,
            "credentials"
        ),
        "1"
    );
    assert_eq!(
        cell(&review, CategoryId::OutsideCollaborators, key, "name"),
        "Out Side"
    );
    assert_eq!(
        keys(&review, CategoryId::UnlinkedScim),
        ["identity:c"],
        "the SCIM node has no login"
    );
    assert_eq!(
        cell(
            &review,
            CategoryId::UnlinkedScim,
            "identity:c",
            "likely_login"
        ),
        ""
    );
}

#[test]
fn a_member_listed_twice_is_one_row() {
    let mut input = world();
    // Case and surrounding white space (ASCII or not) do not make another login.
    input.members = vec![
        member("ana"),
        member("ANA"),
        member(" Ana\u{a0}"),
        member("bob"),
    ];
    let review = review(&input);
    assert_eq!(keys(&review, WITHOUT_SCIM), ["member:ana", "member:bob"]);
    assert_eq!(
        keys(&review, WITHOUT_IDENTITY),
        ["member:ana", "member:bob"]
    );
}
