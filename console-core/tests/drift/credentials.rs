//! Credential authorizations of the people in the other categories, and of non-members.
use console_core::drift::{
    CategoryId, ConsoleSelf, Credential, CredentialKind, Inputs, Ownership, Subject,
};

use super::world::*;

const CREDENTIALS: CategoryId = CategoryId::Credentials;

fn organization(credentials: Vec<Credential>) -> Inputs {
    let mut input = world();
    input.members = vec![member("ana"), member("bob"), member("cat")];
    input.identities = vec![
        linked("b", "bob", "bob@idp"),
        node_mismatch("c", "cat"),
        linked("g", "gone", "gone@idp"),
        scim_only(
            "u",
            "new@idp",
            &["new@acme.example"],
            "2026-01-01T00:00:00Z",
        ),
    ];
    input.credentials = Some(credentials);
    input
}

/// cat's node: NameID differs from the userName.
fn node_mismatch(guid: &str, login: &str) -> console_core::drift::ExternalIdentity {
    let mut node = linked(guid, login, "cat@idp");
    if let Some(saml) = node.saml.as_mut() {
        saml.name_id = Some("CAT@idp".into());
    }
    node
}

#[test]
fn listed_for_the_people_in_other_categories_and_for_non_members() {
    let input = organization(vec![
        pat(1, "ana", "aaaa1111"),
        pat(2, "bob", "bbbb2222"),
        ssh_key(3, "cat", "SHA256:cat"),
        pat(4, "gone", "dddd4444"),
        pat(5, "ghost", "eeee5555"),
        pat(5, "ghost", "eeee5555"),
    ]);
    let review = review(&input);
    assert_eq!(
        keys(&review, CREDENTIALS),
        [
            "credential:1",
            "credential:3",
            "credential:4",
            "credential:5"
        ]
    );
    let why = |id: &str| cell(&review, CREDENTIALS, id, "why");
    assert_eq!(
        why("credential:1"),
        "no SCIM identity; no external identity"
    );
    assert_eq!(why("credential:3"), "NameID ≠ userName");
    assert_eq!(
        why("credential:4"),
        "linked identity of a non-member; not a member"
    );
    assert_eq!(why("credential:5"), "not a member");
    assert_eq!(cell(&review, CREDENTIALS, "credential:5", "member"), "no");
    assert_eq!(cell(&review, CREDENTIALS, "credential:1", "member"), "yes");
    assert_eq!(
        cell(
            &review,
            CategoryId::MembersWithoutScim,
            "member:ana",
            "credentials"
        ),
        "1"
    );
}

#[test]
fn the_accounts_to_load_credentials_for_are_those_of_the_other_categories() {
    let mut input = organization(Vec::new());
    input.members.push(member("Dan"));
    input.credentials = None;
    assert_eq!(
        review(&input).flagged_logins(),
        ["ana", "cat", "dan", "gone"]
    );
}

#[test]
fn the_row_shows_type_identifier_and_dates_as_github_gave_them() {
    let mut token = pat(1, "ghost", "71c3fc11");
    token.accessed_at = Some("2026-01-02T03:04:05Z".into());
    token.expires_at = Some("2026-06-01T00:00:00Z".into());
    token.title = Some("deploy".into());
    let other = Credential {
        kind: CredentialKind::from_github("OAuth app token"),
        ..pat(3, "ghost", "9f2c4d1e")
    };
    let review = review(&organization(vec![
        token,
        ssh_key(2, "ghost", "jklmnop12345678"),
        other,
    ]));
    let shown = |id, column| cell(&review, CREDENTIALS, id, column);
    assert_eq!(
        shown("credential:1", "type"),
        "personal access token (classic)"
    );
    assert_eq!(shown("credential:1", "identifier"), "71c3fc11");
    assert_eq!(shown("credential:1", "accessed_at"), "2026-01-02T03:04:05Z");
    assert_eq!(shown("credential:1", "expires_at"), "2026-06-01T00:00:00Z");
    assert_eq!(
        shown("credential:1", "authorized_at"),
        "2025-06-01T00:00:00Z"
    );
    assert_eq!(shown("credential:1", "title"), "deploy");
    assert_eq!(shown("credential:1", "scopes"), "repo");
    assert_eq!(shown("credential:2", "type"), "SSH key");
    assert_eq!(shown("credential:2", "identifier"), "jklmnop12345678");
    assert_eq!(shown("credential:2", "accessed_at"), "", "never used");
    assert_eq!(
        shown("credential:3", "type"),
        "OAuth app token",
        "other types as GitHub spells them"
    );
    assert!(!CredentialKind::from_github("OAuth app token").revocable());
    assert!(CredentialKind::from_github("SSH key").revocable());
}

#[test]
fn not_loaded_is_not_the_same_as_none() {
    let mut input = organization(Vec::new());
    assert!(review(&input).credentials_loaded);
    input.credentials = None;
    let review = review(&input);
    assert!(!review.credentials_loaded);
    assert!(review.category(CREDENTIALS).is_empty());
    assert_eq!(
        cell(
            &review,
            CategoryId::MembersWithoutScim,
            "member:ana",
            "credentials"
        ),
        ""
    );
}

#[test]
fn which_credential_is_the_consoles_own() {
    let own = pat(1, "acme-admin", "Tok3n-8c");
    let same_account = pat(2, "acme-admin", "00000000");
    let key = ssh_key(3, "acme-admin", "Tok3n-8c");
    let elsewhere = pat(4, "ghost", "Tok3n-8c");
    let direct = ConsoleSelf::direct("ghp_0123456789Tok3n-8c", Some("acme-admin".into()));
    let direct_anonymous = ConsoleSelf::direct("ghp_0123456789Tok3n-8c", None);
    let shouting = ConsoleSelf::direct("ghp_0123456789TOK3N-8C", None);
    let proxy = ConsoleSelf::proxy(Some("Acme-Admin".into()));
    let blind = ConsoleSelf::proxy(None);
    let cases = [
        (&direct, &own, Ownership::Yours),
        (&direct, &same_account, Ownership::NotYours),
        (&direct, &key, Ownership::NotYours),
        (&direct, &elsewhere, Ownership::NotYours),
        (&direct_anonymous, &elsewhere, Ownership::Yours),
        (&shouting, &own, Ownership::NotYours),
        (&proxy, &own, Ownership::MaybeYours),
        (&proxy, &elsewhere, Ownership::NotYours),
        (&blind, &own, Ownership::CannotTell),
        (&blind, &key, Ownership::NotYours),
    ];
    for (at, (console, credential, expected)) in cases.into_iter().enumerate() {
        assert_eq!(console.owns(credential), expected, "case {at}");
    }
    assert_eq!(
        ConsoleSelf::direct("short", None)
            .token_last_eight
            .as_deref(),
        Some("short")
    );
    let empty = ConsoleSelf::direct(" ", None);
    assert_eq!(empty.token_last_eight, None, "an empty token tells nothing");
    assert_eq!(empty.owns(&pat(9, "x", "")), Ownership::CannotTell);
    let mut input = organization(vec![own]);
    input.console = direct;
    let review = review(&input);
    assert_eq!(
        cell(&review, CREDENTIALS, "credential:1", "console"),
        "this console's token"
    );
    let Subject::Credential(subject) = &row(&review, CREDENTIALS, "credential:1").subject else {
        panic!()
    };
    assert_eq!(subject.ownership, Ownership::Yours);
}
