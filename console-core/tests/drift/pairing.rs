//! NameID ≠ SCIM userName: inside one node, and the two-node pairing GitHub shows.
use console_core::drift::{
    CategoryId, ExternalIdentity, LinkedUser, Review, SamlAttributes, ScimAttributes, Subject,
};

use super::world::*;

const MISMATCH: CategoryId = CategoryId::NameIdMismatch;

fn node_with(name_id: Option<&str>, user_name: Option<&str>) -> ExternalIdentity {
    ExternalIdentity {
        saml: Some(SamlAttributes {
            name_id: name_id.map(Into::into),
            ..SamlAttributes::default()
        }),
        scim: Some(ScimAttributes {
            username: user_name.map(Into::into),
            ..ScimAttributes::default()
        }),
        ..linked("n", "ana", "x")
    }
}

#[test]
fn inside_one_node_case_only_differences_are_flagged_apart() {
    // (NameID, userName, expected difference or None when not listed)
    let cases = [
        (Some("ana@idp"), Some("ana@idp"), None),
        (Some("Ana@IdP"), Some("ana@idp"), Some("case only")),
        (Some("ana@idp"), Some("ana.b@idp"), Some("different")),
        (Some("ZOË"), Some("zoë"), Some("case only")),
        (None, Some("ana@idp"), None),
        (Some("ana@idp"), None, None),
        (Some(""), Some("ana@idp"), None),
    ];
    for (name_id, user_name, expected) in cases {
        let mut input = world();
        input.members = vec![member("ana")];
        input.identities = vec![node_with(name_id, user_name)];
        let review = review(&input);
        let found = keys(&review, MISMATCH).contains(&"nameid:n".to_owned());
        assert_eq!(found, expected.is_some(), "{name_id:?} vs {user_name:?}");
        if let Some(difference) = expected {
            assert_eq!(
                cell(&review, MISMATCH, "nameid:n", "difference"),
                difference
            );
            assert_eq!(
                cell(&review, MISMATCH, "nameid:n", "kind"),
                "the NameID and userName of one identity differ"
            );
            assert_eq!(cell(&review, MISMATCH, "nameid:n", "login"), "ana");
        }
    }
}

fn two_nodes(saml_side: Vec<ExternalIdentity>, scim_side: Vec<ExternalIdentity>) -> Review {
    let mut input = world();
    input.members = vec![member("ana"), member("ann")];
    input.identities = saml_side.into_iter().chain(scim_side).collect();
    review(&input)
}

const INVITED: &str = "2026-01-01T00:00:00Z";

#[test]
fn a_saml_only_and_a_scim_only_node_pair_by_email_whatever_its_case() {
    let review = two_nodes(
        vec![saml_only("s", "ana", "ana", &["Ana.B@Acme.example"])],
        vec![scim_only(
            "c",
            "ana.b@idp.example",
            &["x@acme.example", "ana.b@acme.example"],
            INVITED,
        )],
    );
    assert_eq!(keys(&review, MISMATCH), ["pair:s:c"]);
    let key = "pair:s:c";
    assert_eq!(
        cell(&review, MISMATCH, key, "kind"),
        "two identities, likely the same person"
    );
    assert_eq!(
        cell(&review, MISMATCH, key, "evidence"),
        "same email: ana.b@acme.example"
    );
    assert_eq!(cell(&review, MISMATCH, key, "saml_name_id"), "ana");
    assert_eq!(
        cell(&review, MISMATCH, key, "scim_user_name"),
        "ana.b@idp.example"
    );
    assert_eq!(cell(&review, MISMATCH, key, "difference"), "different");
    assert_eq!(
        cell(
            &review,
            CategoryId::UnlinkedScim,
            "identity:c",
            "likely_login"
        ),
        "ana"
    );
    let Subject::Pairing(pairing) = &row(&review, MISMATCH, key).subject else {
        panic!()
    };
    assert_eq!(
        (pairing.member_logins.clone(), pairing.ambiguous),
        (vec!["ana".to_owned()], false)
    );
    assert!(keys(&review, CategoryId::MembersWithoutScim).contains(&"member:ana".to_owned()));
}

#[test]
fn a_name_id_or_user_name_that_is_an_address_counts_as_an_email() {
    let review = two_nodes(
        vec![saml_only("s", "ana", "ANA@acme.example", &[])],
        vec![scim_only("c", "ana@acme.example", &[], INVITED)],
    );
    assert_eq!(
        cell(&review, MISMATCH, "pair:s:c", "difference"),
        "case only"
    );
    assert_eq!(
        cell(&review, MISMATCH, "pair:s:c", "evidence"),
        "same email: ana@acme.example"
    );
}

#[test]
fn without_emails_the_given_and_family_name_pair_and_say_so() {
    let mut saml_node = saml_only("s", "ana", "ana-1", &[]);
    if let Some(saml) = saml_node.saml.as_mut() {
        (saml.given_name, saml.family_name) = (Some("Ana".into()), Some(" Müller ".into()));
    }
    let mut scim_node = scim_only("c", "amueller", &[], INVITED);
    if let Some(scim) = scim_node.scim.as_mut() {
        (scim.given_name, scim.family_name) = (Some("ANA".into()), Some("müller".into()));
    }
    let review = two_nodes(vec![saml_node], vec![scim_node]);
    assert_eq!(
        cell(&review, MISMATCH, "pair:s:c", "evidence"),
        "same name: ana müller"
    );
}

#[test]
fn the_profile_name_stands_in_for_a_saml_identity_without_names() {
    let mut saml_node = saml_only("s", "ana", "ana-1", &[]);
    saml_node.user = Some(LinkedUser {
        login: "ana".into(),
        name: Some("Ana  Müller".into()),
    });
    let mut scim_node = scim_only("c", "amueller", &[], INVITED);
    if let Some(scim) = scim_node.scim.as_mut() {
        (scim.given_name, scim.family_name) = (Some("Ana".into()), Some("Müller".into()));
    }
    let review = two_nodes(vec![saml_node], vec![scim_node]);
    assert_eq!(keys(&review, MISMATCH), ["pair:s:c"]);
}

#[test]
fn an_email_match_wins_over_a_name_match() {
    let mut saml_node = saml_only("s", "ana", "ana-1", &["ana@acme.example"]);
    if let Some(saml) = saml_node.saml.as_mut() {
        (saml.given_name, saml.family_name) = (Some("Ana".into()), Some("Müller".into()));
    }
    let mut by_name = scim_only("c2", "other", &["other@acme.example"], INVITED);
    if let Some(scim) = by_name.scim.as_mut() {
        (scim.given_name, scim.family_name) = (Some("Ana".into()), Some("Müller".into()));
    }
    let by_email = scim_only("c1", "ana.m", &["ana@acme.example"], INVITED);
    let review = two_nodes(vec![saml_node], vec![by_name, by_email]);
    assert_eq!(keys(&review, MISMATCH), ["pair:s:c1"]);
    assert_eq!(
        cell(
            &review,
            CategoryId::UnlinkedScim,
            "identity:c2",
            "likely_login"
        ),
        ""
    );
}

#[test]
fn one_saml_node_matching_two_scim_nodes_is_ambiguous_and_nothing_is_picked() {
    let review = two_nodes(
        vec![saml_only("s", "ana", "ana", &["ana@acme.example"])],
        vec![
            scim_only("c1", "ana.1", &["ana@acme.example"], INVITED),
            scim_only("c2", "ana.2", &["ANA@acme.example"], INVITED),
        ],
    );
    assert_eq!(keys(&review, MISMATCH), ["ambiguous:c1,c2,s"]);
    let key = "ambiguous:c1,c2,s";
    assert_eq!(
        cell(&review, MISMATCH, key, "kind"),
        "ambiguous: 1 SAML, 2 SCIM identities"
    );
    assert_eq!(
        cell(&review, MISMATCH, key, "scim_user_name"),
        "ana.1, ana.2"
    );
    assert_eq!(cell(&review, MISMATCH, key, "difference"), "");
    let Subject::Pairing(pairing) = &row(&review, MISMATCH, key).subject else {
        panic!()
    };
    assert!(pairing.ambiguous);
    for c in ["identity:c1", "identity:c2"] {
        assert_eq!(
            cell(&review, CategoryId::UnlinkedScim, c, "likely_login"),
            "",
            "{c}"
        );
    }
}

#[test]
fn two_saml_nodes_matching_one_scim_node_is_ambiguous_too() {
    let review = two_nodes(
        vec![
            saml_only("s1", "ana", "ana", &["a@acme.example"]),
            saml_only("s2", "ann", "ann", &["a@acme.example"]),
        ],
        vec![scim_only("c", "a", &["a@acme.example"], INVITED)],
    );
    assert_eq!(keys(&review, MISMATCH), ["ambiguous:c,s1,s2"]);
    assert_eq!(
        cell(&review, MISMATCH, "ambiguous:c,s1,s2", "login"),
        "ana, ann"
    );
}

#[test]
fn chains_of_shared_addresses_form_one_group() {
    // s1 shares an address with c1, c1 another with s2: one ambiguous group, not two pairs.
    let review = two_nodes(
        vec![
            saml_only("s1", "ana", "ana", &["a@x.example"]),
            saml_only("s2", "ann", "ann", &["b@x.example"]),
        ],
        vec![scim_only(
            "c1",
            "c1",
            &["a@x.example", "b@x.example"],
            INVITED,
        )],
    );
    assert_eq!(keys(&review, MISMATCH), ["ambiguous:c1,s1,s2"]);
}

#[test]
fn only_accounts_without_a_linked_scim_identity_and_unclaimed_nodes_pair() {
    let mut input = world();
    input.members = vec![member("ana"), member("bob")];
    input.identities = vec![
        // bob is linked already: his extra SAML node is not half of a mismatch.
        linked("b", "bob", "bob@idp"),
        saml_only("b2", "bob", "bob2", &["bob@acme.example"]),
        scim_only("c", "bob.dup", &["bob@acme.example"], INVITED),
        // A node someone claimed is never the SCIM half.
        ExternalIdentity {
            user: user("ana"),
            ..scim_only("d", "ana.x", &["ana@acme.example"], INVITED)
        },
        saml_only("a", "ana", "ana", &["ana@acme.example"]),
    ];
    let review = review(&input);
    assert_eq!(keys(&review, MISMATCH), Vec::<String>::new());
}
