//! One consistent world: every action rule of `emulator::org::world` as GitHub applies it,
//! observed through the APIs a client uses (SCIM, REST, GraphQL); the seeded proportions;
//! reset and `--data` persistence.
mod common;
mod org_common;

use std::sync::Arc;

use axum::http::Method;
use common::*;
use org_common::*;
use serde_json::{json, Value};

const BY_LOGIN: &str = "query($login: String, $userName: String, $membersOnly: Boolean) { organization(login: \"acme-corp\") { samlIdentityProvider { externalIdentities(first: 10, login: $login, userName: $userName, membersOnly: $membersOnly) { totalCount nodes { user { login } scimIdentity { username } samlIdentity { nameId } organizationInvitation { invitationSource email createdAt } } } } } }";

async fn identities(router: &axum::Router, variables: Value) -> Value {
    let body = graphql(router, "good", BY_LOGIN, variables).await.json();
    body["data"]["organization"]["samlIdentityProvider"]["externalIdentities"].clone()
}

/// A linked member with at least one credential authorization, and their SCIM id.
fn linked_member_with_credentials(emulator: &emulator::Emulator) -> (String, String) {
    let store = emulator.read_store();
    let found = store
        .iter()
        .find_map(|user| {
            let identity = store.org.identity_of_scim(&user.id)?;
            let account = store.org.account(identity.user?)?;
            store.org.role(account.id)?;
            (!store.org.credentials_of(account.id).is_empty())
                .then(|| (account.login.clone(), user.id.clone()))
        })
        .unwrap();
    found
}

async fn credential_count(router: &axum::Router, login: &str) -> usize {
    get(
        router,
        &format!("{ORG}/credential-authorizations?login={login}"),
    )
    .await
    .json()
    .as_array()
    .unwrap()
    .len()
}

#[tokio::test]
async fn provisioning_creates_a_pending_identity_with_a_scim_invitation() {
    let router = router(&emulator(5));
    let created = post(&router, &new_user("new.person@example.com")).await;
    assert_eq!(created.status, 201);
    let found = identities(&router, json!({"userName": "new.person@example.com"})).await;
    assert_eq!(found["totalCount"], 1);
    let node = &found["nodes"][0];
    assert_eq!(node["user"], Value::Null);
    assert_eq!(node["samlIdentity"], Value::Null);
    assert_eq!(node["scimIdentity"]["username"], "new.person@example.com");
    assert_eq!(node["organizationInvitation"]["invitationSource"], "SCIM");
    assert_eq!(
        node["organizationInvitation"]["email"],
        "new.person@example.com"
    );
    let invitations = all_pages(
        &router,
        "good",
        &format!("{ORG}/invitations?invitation_source=scim"),
    )
    .await;
    assert!(invitations
        .iter()
        .any(|i| i["email"] == "new.person@example.com" && i["login"].is_null()));
}

#[tokio::test]
async fn deprovisioning_removes_identity_membership_and_credentials() {
    for how in ["delete", "active-false"] {
        let emulator = emulator(200);
        let router = router(&emulator);
        let (login, id) = linked_member_with_credentials(&emulator);
        assert!(credential_count(&router, &login).await > 0);
        let answer = match how {
            "delete" => {
                send(
                    &router,
                    Method::DELETE,
                    &format!("{USERS}/{id}"),
                    Some("good"),
                    None,
                )
                .await
            }
            _ => {
                patch(
                    &router,
                    &id,
                    json!([{"op": "replace", "path": "active", "value": false}]),
                )
                .await
            }
        };
        assert!(answer.status.is_success(), "{how}: {}", answer.text);
        assert_eq!(
            get(&router, &format!("{ORG}/memberships/{login}"))
                .await
                .status,
            404,
            "{how}"
        );
        assert_eq!(credential_count(&router, &login).await, 0, "{how}");
        assert_eq!(
            identities(&router, json!({"login": login})).await["totalCount"],
            0,
            "{how}"
        );
        let members = all_pages(&router, "good", &format!("{ORG}/members?per_page=100")).await;
        assert!(
            members.iter().all(|m| m["login"] != login.as_str()),
            "{how}"
        );
    }
}

#[tokio::test]
async fn deprovisioning_a_pending_identity_cancels_its_invitation() {
    let emulator = emulator(100);
    let router = router(&emulator);
    let (id, email) = {
        let store = emulator.read_store();
        let user = store
            .iter()
            .find(|u| {
                store
                    .org
                    .identity_of_scim(&u.id)
                    .is_some_and(|i| i.invitation.is_some())
            })
            .unwrap();
        (user.id.clone(), user.emails[0].value.clone())
    };
    let before = all_pages(&router, "good", &format!("{ORG}/invitations?per_page=100")).await;
    assert!(before.iter().any(|i| i["email"] == email.as_str()));
    send(
        &router,
        Method::DELETE,
        &format!("{USERS}/{id}"),
        Some("good"),
        None,
    )
    .await;
    let after = all_pages(&router, "good", &format!("{ORG}/invitations?per_page=100")).await;
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|i| i["email"] != email.as_str()));
}

#[tokio::test]
async fn renaming_by_put_moves_the_username_filter() {
    let emulator = emulator(20);
    let router = router(&emulator);
    let (_, id) = linked_member_with_credentials(&emulator);
    let old = emulator
        .read_store()
        .get(&id)
        .unwrap()
        .user_name
        .clone()
        .unwrap();
    let put = send(
        &router,
        Method::PUT,
        &format!("{USERS}/{id}"),
        Some("good"),
        Some(&new_user("renamed@example.com").to_string()),
    )
    .await;
    assert_eq!(put.status, 200);
    let renamed = identities(&router, json!({"userName": "renamed@example.com"})).await;
    assert_eq!(renamed["totalCount"], 1);
    assert_eq!(
        renamed["nodes"][0]["scimIdentity"]["username"],
        "renamed@example.com"
    );
    // The SAML NameID is still the old name: the node is found by it too, and now differs.
    let by_old = identities(&router, json!({"userName": old})).await;
    assert_eq!(by_old["nodes"][0]["samlIdentity"]["nameId"], old.as_str());
}

#[tokio::test]
async fn removing_a_member_by_hand_leaves_a_stale_linked_identity_and_revokes_credentials() {
    let emulator = emulator(200);
    let router = router(&emulator);
    let (login, id) = linked_member_with_credentials(&emulator);
    let answer = delete_as(
        &router,
        "good",
        &format!("{ORG}/members/{}", login.to_uppercase()),
    )
    .await;
    assert_eq!(answer.status, 204);
    assert_contract("DELETE", "/orgs/{org}/members/{username}", &answer);
    assert_eq!(
        get(&router, &format!("{ORG}/memberships/{login}"))
            .await
            .status,
        404
    );
    assert_eq!(credential_count(&router, &login).await, 0);
    let stale = identities(&router, json!({"login": login})).await;
    assert_eq!(stale["totalCount"], 1);
    assert_eq!(stale["nodes"][0]["user"]["login"], login.as_str());
    assert_eq!(
        identities(&router, json!({"login": login, "membersOnly": true})).await["totalCount"],
        0
    );
    // The SCIM identity is untouched; a second removal is a 404.
    assert_eq!(get(&router, &format!("{USERS}/{id}")).await.status, 200);
    assert_eq!(
        delete_as(&router, "good", &format!("{ORG}/members/{login}"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn cancelling_a_scim_invitation_leaves_the_scim_identity() {
    let emulator = emulator(100);
    let router = router(&emulator);
    let invitation = get(
        &router,
        &format!("{ORG}/invitations?invitation_source=scim&per_page=1"),
    )
    .await
    .json()[0]
        .clone();
    let email = invitation["email"].as_str().unwrap().to_owned();
    let answer = delete_as(
        &router,
        "good",
        &format!("{ORG}/invitations/{}", invitation["id"]),
    )
    .await;
    assert_eq!(answer.status, 204);
    assert_contract("DELETE", "/orgs/{org}/invitations/{invitation_id}", &answer);
    assert_eq!(
        delete_as(
            &router,
            "good",
            &format!("{ORG}/invitations/{}", invitation["id"])
        )
        .await
        .status,
        404
    );
    let scim = get(
        &router,
        &format!("{USERS}?filter=emails%20eq%20%22{email}%22"),
    )
    .await
    .json();
    assert_eq!(
        scim["totalResults"], 1,
        "the SCIM identity must be deleted separately"
    );
    let node = identities(
        &router,
        json!({"userName": scim["Resources"][0]["userName"]}),
    )
    .await;
    assert_eq!(node["nodes"][0]["organizationInvitation"], Value::Null);
    assert_eq!(node["nodes"][0]["user"], Value::Null);
}

#[tokio::test]
async fn revoking_a_credential_removes_only_that_authorization() {
    let emulator = emulator(100);
    let router = router(&emulator);
    let list = get(
        &router,
        &format!("{ORG}/credential-authorizations?per_page=100"),
    )
    .await
    .json();
    let victim = list[1]["credential_id"].as_u64().unwrap();
    let answer = delete_as(
        &router,
        "good",
        &format!("{ORG}/credential-authorizations/{victim}"),
    )
    .await;
    assert_eq!(answer.status, 204);
    assert_contract(
        "DELETE",
        "/orgs/{org}/credential-authorizations/{credential_id}",
        &answer,
    );
    let after = all_pages(
        &router,
        "good",
        &format!("{ORG}/credential-authorizations?per_page=100"),
    )
    .await;
    let total_before = all_pages(
        &router,
        "good",
        &format!("{ORG}/credential-authorizations?per_page=100"),
    )
    .await
    .len();
    assert_eq!(after.len(), total_before);
    assert!(after.iter().all(|c| c["credential_id"] != victim));
    let again = delete_as(
        &router,
        "good",
        &format!("{ORG}/credential-authorizations/{victim}"),
    )
    .await;
    assert_eq!(again.status, 404);
    assert_contract(
        "DELETE",
        "/orgs/{org}/credential-authorizations/{credential_id}",
        &again,
    );
    // The member is still a member.
    let login = list[1]["login"].as_str().unwrap();
    assert_eq!(
        get(&router, &format!("{ORG}/memberships/{login}"))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn the_seed_has_every_category_in_realistic_proportions() {
    let emulator = emulator(10_000);
    let store = emulator.read_store();
    let world = &store.org;
    let mut linked = 0;
    let mut pending = 0;
    let mut stale = 0;
    let mut saml_only = 0;
    for identity in world.identity_seqs().values() {
        match (identity.user, identity.scim_user_id.is_some()) {
            (Some(user), true) if world.role(user).is_some() => linked += 1,
            (Some(_), true) => stale += 1,
            (None, true) => pending += 1,
            (Some(_), false) => saml_only += 1,
            (None, false) => panic!("a node with neither"),
        }
    }
    let members = world.member_count();
    let without_identity = world
        .view(emulator::org::views::ViewKey::Members(
            Default::default(),
            Default::default(),
        ))
        .iter()
        .filter(|id| world.identities_of_user(**id).is_empty())
        .count();
    let share = |n: usize, of: usize| n as f64 / of as f64;
    assert!(
        (0.74..0.80).contains(&share(linked, 10_000)),
        "linked {linked}"
    );
    assert!(
        (0.18..0.22).contains(&share(pending, 10_000)),
        "pending {pending}"
    );
    assert!(
        (0.01..0.03).contains(&share(stale, 10_000)),
        "stale {stale}"
    );
    assert!(
        (0.04..0.06).contains(&share(saml_only, 10_000)),
        "saml-only {saml_only}"
    );
    assert!(
        (0.03..0.05).contains(&share(without_identity, 10_000)),
        "no identity {without_identity}"
    );
    let credentials = world.all_credentials().count();
    assert!(
        (0.4..0.7).contains(&share(credentials, members)),
        "{credentials} credentials for {members}"
    );
    let non_member_credentials = world
        .all_credentials()
        .filter(|c| world.role(c.owner).is_none())
        .count();
    assert!(non_member_credentials > 0);
    let ages: Vec<u64> = world
        .all_invitations()
        .map(|i| (emulator::org::now().saturating_sub(i.created_at)) / 86_400)
        .collect();
    assert!(
        ages.iter().any(|d| *d <= 7) && ages.iter().any(|d| *d > 300),
        "ages {:?}",
        &ages[..10]
    );
}

#[tokio::test]
async fn the_same_seed_gives_the_same_world() {
    let a = emulator(300);
    let b = emulator(300);
    let (a, b) = (a.read_store(), b.read_store());
    let logins = |s: &emulator::store::Store| -> Vec<String> {
        s.org
            .view(emulator::org::views::ViewKey::Members(
                Default::default(),
                Default::default(),
            ))
            .iter()
            .map(|id| s.org.account(*id).unwrap().login.clone())
            .collect()
    };
    assert_eq!(logins(&a), logins(&b));
    assert_eq!(
        a.org.all_credentials().count(),
        b.org.all_credentials().count()
    );
}

#[tokio::test]
async fn reset_restores_the_world() {
    let emulator = emulator(50);
    let router = router(&emulator);
    let members = emulator.read_store().org.member_count();
    let (login, _) = linked_member_with_credentials(&emulator);
    delete_as(&router, "good", &format!("{ORG}/members/{login}")).await;
    assert_eq!(emulator.read_store().org.member_count(), members - 1);
    let reset = send(&router, Method::POST, "/_emulator/reset", None, None).await;
    assert_eq!(reset.status, 204);
    assert_eq!(emulator.read_store().org.member_count(), members);
    assert!(credential_count(&router, &login).await > 0);
}

#[tokio::test]
async fn the_world_is_saved_with_the_identities_and_read_back() {
    let dir = std::env::temp_dir().join(format!("org-world-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("data.json");
    let _ = std::fs::remove_file(&path);
    let tokens = || [("good".to_owned(), emulator::TokenState::Authorized)];
    let first = Arc::new(
        emulator::Emulator::new("acme-corp", tokens())
            .with_seed(60)
            .with_data_file(path.clone())
            .unwrap(),
    );
    let (login, _) = linked_member_with_credentials(&first);
    let router = router(&first);
    assert_eq!(
        delete_as(&router, "good", &format!("{ORG}/members/{login}"))
            .await
            .status,
        204
    );
    let revoke = get(
        &router,
        &format!("{ORG}/credential-authorizations?per_page=1"),
    )
    .await
    .json()[0]["credential_id"]
        .clone();
    assert_eq!(
        delete_as(
            &router,
            "good",
            &format!("{ORG}/credential-authorizations/{revoke}")
        )
        .await
        .status,
        204
    );
    let members = first.read_store().org.member_count();
    let credentials = first.read_store().org.all_credentials().count();

    let second = emulator::Emulator::new("acme-corp", tokens())
        .with_seed(60)
        .with_data_file(path.clone())
        .unwrap();
    let store = second.read_store();
    assert_eq!(store.org.member_count(), members);
    assert_eq!(store.org.all_credentials().count(), credentials);
    let account = store.org.account_by_login(&login).unwrap();
    assert!(store.org.role(account.id).is_none());
    assert_eq!(
        store.org.identities_of_user(account.id).len(),
        1,
        "stale identity kept"
    );

    // A file from before the world existed gets the world its identities imply.
    let mut old: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    old.as_object_mut().unwrap().remove("org");
    std::fs::write(&path, old.to_string()).unwrap();
    let third = emulator::Emulator::new("acme-corp", tokens())
        .with_seed(60)
        .with_data_file(path.clone())
        .unwrap();
    let store = third.read_store();
    assert_eq!(
        store
            .org
            .identity_seqs()
            .values()
            .filter(|i| i.scim_user_id.is_some())
            .count(),
        60
    );
    assert!(store.org.account_by_login("acme-corp-admin").is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn the_demo_seed_populates_every_category() {
    let emulator = emulator(1500);
    let store = emulator.read_store();
    let world = &store.org;
    let member = |user: Option<u64>| user.is_some_and(|u| world.role(u).is_some());
    let nodes: Vec<_> = world.identity_seqs().values().collect();
    let scim_name = |i: &emulator::org::model::ExternalIdentity| {
        store.get(i.scim_user_id.as_deref()?)?.user_name.clone()
    };
    let counts = [
        (
            "pending SCIM",
            nodes
                .iter()
                .filter(|i| i.user.is_none() && i.invitation.is_some())
                .count(),
        ),
        (
            "stale",
            nodes
                .iter()
                .filter(|i| i.user.is_some() && !member(i.user))
                .count(),
        ),
        (
            "SAML only",
            nodes
                .iter()
                .filter(|i| i.scim_user_id.is_none() && member(i.user))
                .count(),
        ),
        (
            "case only",
            nodes
                .iter()
                .filter(|i| {
                    let (Some(saml), Some(name)) = (&i.saml, scim_name(i)) else {
                        return false;
                    };
                    saml.name_id != name && saml.name_id.eq_ignore_ascii_case(&name)
                })
                .count(),
        ),
        (
            "no identity",
            world
                .view(emulator::org::views::ViewKey::Members(
                    Default::default(),
                    Default::default(),
                ))
                .iter()
                .filter(|id| world.identities_of_user(**id).is_empty())
                .count(),
        ),
        (
            "outside collaborators",
            world
                .view(emulator::org::views::ViewKey::Collaborators(
                    Default::default(),
                ))
                .len(),
        ),
        (
            "member invitations",
            world
                .all_invitations()
                .filter(|i| i.source == emulator::org::model::InvitationSource::Member)
                .count(),
        ),
        (
            "credentials of non-members",
            world
                .all_credentials()
                .filter(|c| world.role(c.owner).is_none())
                .count(),
        ),
        (
            "SSH keys",
            world
                .all_credentials()
                .filter(|c| c.kind == scim::org::CredentialType::SshKey)
                .count(),
        ),
        (
            "OAuth app tokens",
            world
                .all_credentials()
                .filter(|c| c.kind == scim::org::CredentialType::OauthAppToken)
                .count(),
        ),
        (
            "GitHub app tokens",
            world
                .all_credentials()
                .filter(|c| c.kind == scim::org::CredentialType::GithubAppToken)
                .count(),
        ),
        (
            "2FA disabled",
            world
                .view(emulator::org::views::ViewKey::Members(
                    Default::default(),
                    emulator::org::views::TwoFactorFilter::Disabled,
                ))
                .len(),
        ),
    ];
    for (category, count) in counts {
        assert!(count > 0, "the demo has no {category}");
    }
}

/// While the data file cannot be written, every kind of world change fails with 500 and leaves
/// the world exactly as it was (records, order and indexes); once the disk is back the same
/// request succeeds.
#[tokio::test]
async fn a_world_change_that_cannot_be_saved_is_undone() {
    let dir = std::env::temp_dir().join(format!("org-world-unsaved-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("state.json");
    let _ = std::fs::remove_file(&path);
    let emulator = Arc::new(
        emulator::Emulator::new(
            "acme-corp",
            [("good".to_owned(), emulator::TokenState::Authorized)],
        )
        .with_seed(80)
        .with_data_file(path.clone())
        .unwrap(),
    );
    let router = router(&emulator);
    let snapshot = |e: &emulator::Emulator| {
        serde_json::to_string(&emulator::org::snapshot::Snapshot::of(&e.read_store().org)).unwrap()
    };
    let (login, scim_id) = linked_member_with_credentials(&emulator);
    let invitation = get(
        &router,
        &format!("{ORG}/invitations?invitation_source=scim&per_page=1"),
    )
    .await
    .json()[0]["id"]
        .clone();
    let credential = get(
        &router,
        &format!("{ORG}/credential-authorizations?per_page=1&page=3"),
    )
    .await
    .json()[0]["credential_id"]
        .clone();
    let renamed = new_user("renamed.unsaved@example.com").to_string();
    let created = new_user("created.unsaved@example.com").to_string();
    let writes: Vec<(Method, String, Option<&str>)> = vec![
        (
            Method::DELETE,
            format!("{ORG}/credential-authorizations/{credential}"),
            None,
        ),
        (
            Method::DELETE,
            format!("{ORG}/invitations/{invitation}"),
            None,
        ),
        (Method::POST, USERS.to_owned(), Some(&created)),
        (Method::PUT, format!("{USERS}/{scim_id}"), Some(&renamed)),
        (Method::DELETE, format!("{ORG}/members/{login}"), None),
        (Method::DELETE, format!("{USERS}/{scim_id}"), None),
    ];
    // The data file cannot be replaced while its name is taken by a directory (the file set
    // aside meanwhile).
    let aside = dir.join("aside.json");
    for (method, uri, body) in writes {
        let before = snapshot(&emulator);
        std::fs::rename(&path, &aside).unwrap();
        std::fs::create_dir_all(path.join("taken")).unwrap();
        let failed = send(&router, method.clone(), &uri, Some("good"), body).await;
        std::fs::remove_dir_all(&path).unwrap();
        std::fs::rename(&aside, &path).unwrap();
        assert_eq!(failed.status, 500, "{method} {uri}: {}", failed.text);
        let after = snapshot(&emulator);
        let at = before
            .bytes()
            .zip(after.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        assert!(
            after == before,
            "{method} {uri}: the world changed near …{}…",
            after
                .char_indices()
                .filter(|(i, _)| i + 60 >= at && *i <= at + 60)
                .map(|(_, c)| c)
                .collect::<String>()
        );
        let done = send(&router, method.clone(), &uri, Some("good"), body).await;
        assert!(
            done.status.is_success(),
            "{method} {uri} once the disk is back: {}",
            done.text
        );
    }
    // The indexes followed every undo: lookups still agree with the records.
    let store = emulator.read_store();
    let world = &store.org;
    let account = world.account_by_login(&login).unwrap();
    assert!(world.role(account.id).is_none());
    assert!(world.credentials_of(account.id).is_empty());
    assert!(
        world
            .identities_named("renamed.unsaved@example.com")
            .is_empty(),
        "deleted after the rename"
    );
    assert_eq!(
        world.identities_named("created.unsaved@example.com").len(),
        1
    );
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}
