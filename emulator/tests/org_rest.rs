//! The org REST endpoints of the drift review: paging with GitHub's `Link`, every filter, every
//! status, token states, rate limits and faults; every body checked against the contract.
mod common;
mod org_common;

use axum::http::Method;
use common::*;
use org_common::*;
use serde_json::{json, Value};

fn logins(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|u| u["login"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn members_page_with_githubs_link_header_and_per_page_capped_at_100() {
    let router = router(&emulator(300));
    let first = get(&router, &format!("{ORG}/members?per_page=100")).await;
    assert_eq!(first.status, 200);
    assert_contract("GET", "/orgs/{org}/members", &first);
    assert_eq!(first.json().as_array().unwrap().len(), 100);
    let link = first.header("link").to_owned();
    assert!(
        link.starts_with(
            "<http://api.test/organizations/87654321/members?per_page=100&page=2>; rel=\"next\", <http://api.test/organizations/87654321/members?per_page=100&page="
        ),
        "{link}"
    );
    assert!(link.ends_with("; rel=\"last\""), "{link}");

    // 500 is silently 100, as on GitHub; page 2 has prev/next/last/first in GitHub's order.
    let second = get(&router, &format!("{ORG}/members?per_page=500&page=2")).await;
    assert_eq!(second.json().as_array().unwrap().len(), 100);
    let rels: Vec<&str> = second
        .header("link")
        .split(", ")
        .map(|p| p.rsplit("rel=").next().unwrap())
        .collect();
    assert_eq!(rels, ["\"prev\"", "\"next\"", "\"last\"", "\"first\""]);

    // Following `next` yields every member once, and the Link URLs (by org id) are served.
    let all = all_pages(&router, "good", &format!("{ORG}/members?per_page=37")).await;
    let mut unique = logins(&all);
    let count = unique.len();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), count);
    let total = emulator(300).read_store().org.member_count();
    assert_eq!(count, total);

    // One page only: no Link at all; past the end: an empty page.
    let single = get(&router, &format!("{ORG}/members?role=admin")).await;
    assert_eq!(single.header("link"), "");
    let beyond = get(&router, &format!("{ORG}/members?page=999")).await;
    assert_eq!(beyond.json(), json!([]));
    // Junk numbers mean the defaults, as GitHub reads them.
    let junk = get(&router, &format!("{ORG}/members?per_page=lots&page=x")).await;
    assert_eq!(junk.json().as_array().unwrap().len(), 30);
}

#[tokio::test]
async fn members_filters_by_role_and_two_factor() {
    let emulator = emulator(500);
    let router = router(&emulator);
    let admins = all_pages(
        &router,
        "good",
        &format!("{ORG}/members?role=admin&per_page=100"),
    )
    .await;
    let members = all_pages(
        &router,
        "good",
        &format!("{ORG}/members?role=member&per_page=100"),
    )
    .await;
    let all = all_pages(
        &router,
        "good",
        &format!("{ORG}/members?role=all&per_page=100"),
    )
    .await;
    assert!(logins(&admins).contains(&"acme-corp-admin".to_owned()));
    assert!(!logins(&members).contains(&"acme-corp-admin".to_owned()));
    assert_eq!(admins.len() + members.len(), all.len());

    let disabled = all_pages(
        &router,
        "good",
        &format!("{ORG}/members?filter=2fa_disabled"),
    )
    .await;
    let insecure = all_pages(
        &router,
        "good",
        &format!("{ORG}/members?filter=2fa_insecure"),
    )
    .await;
    assert!(!disabled.is_empty() && !insecure.is_empty());
    use emulator::org::model::TwoFactor;
    for (list, want) in [
        (&disabled, TwoFactor::Disabled),
        (&insecure, TwoFactor::Insecure),
    ] {
        let store = emulator.read_store();
        for login in logins(list) {
            let account = store.org.account_by_login(&login).unwrap();
            assert_eq!(account.two_factor, want, "{login}");
            assert!(store.org.role(account.id).is_some());
        }
    }
    let both = get(
        &router,
        &format!("{ORG}/members?role=admin&filter=2fa_disabled&per_page=100"),
    )
    .await;
    assert_contract("GET", "/orgs/{org}/members", &both);
}

#[tokio::test]
async fn unknown_filter_values_are_422_validation_errors() {
    let router = router(&emulator(5));
    for query in ["role=owner", "filter=2fa_maybe"] {
        let answer = get(&router, &format!("{ORG}/members?{query}")).await;
        assert_eq!(answer.status, 422, "{query}");
        assert_contract("GET", "/orgs/{org}/members", &answer);
        let text = answer.json()["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(text.contains("unknown variant"), "{text}");
    }
    for query in ["role=owner", "invitation_source=idp"] {
        let answer = get(&router, &format!("{ORG}/invitations?{query}")).await;
        assert_eq!(answer.status, 422, "{query}");
        assert_contract("GET", "/orgs/{org}/invitations", &answer);
    }
}

#[tokio::test]
async fn membership_is_active_for_members_pending_for_invitees_404_otherwise() {
    let emulator = emulator(200);
    let router = router(&emulator);
    let active = get(&router, &format!("{ORG}/memberships/ACME-CORP-ADMIN")).await;
    assert_eq!(active.status, 200);
    assert_contract("GET", "/orgs/{org}/memberships/{username}", &active);
    assert_eq!(active.json()["state"], "active");
    assert_eq!(active.json()["role"], "admin");
    assert_eq!(active.json()["user"]["login"], "acme-corp-admin");

    let invitee = {
        let store = emulator.read_store();
        let view = store.org.view(emulator::org::views::ViewKey::Invitations(
            Default::default(),
            emulator::org::views::SourceFilter::Member,
        ));
        let with_login = view
            .iter()
            .find_map(|id| store.org.invitation(*id).and_then(|i| i.invitee))
            .unwrap();
        store.org.account(with_login).unwrap().login.clone()
    };
    let pending = get(&router, &format!("{ORG}/memberships/{invitee}")).await;
    assert_eq!(pending.json()["state"], "pending", "{}", pending.text);
    assert_contract("GET", "/orgs/{org}/memberships/{username}", &pending);

    for who in ["nobody-at-all", "zoe-muller-0-ext"] {
        let missing = get(&router, &format!("{ORG}/memberships/{who}")).await;
        assert_eq!(missing.status, 404);
        assert_contract("GET", "/orgs/{org}/memberships/{username}", &missing);
    }
}

#[tokio::test]
async fn check_membership_is_204_for_members_and_404_for_others() {
    let router = router(&emulator(10));
    let member = get(&router, &format!("{ORG}/members/ACME-CORP-ADMIN")).await;
    assert_eq!(member.status, 204);
    assert!(member.text.is_empty());
    let other = get(&router, &format!("{ORG}/members/nobody-here")).await;
    assert_eq!(other.status, 404);
    assert!(other.text.is_empty());
}

#[tokio::test]
async fn unknown_org_user_invitation_and_credential_are_404_basic_errors() {
    let router = router(&emulator(20));
    let cases = [
        (
            Method::GET,
            "/orgs/other-org/members",
            "/orgs/{org}/members",
        ),
        (
            Method::GET,
            "/organizations/1/members",
            "/orgs/{org}/members",
        ),
        (
            Method::DELETE,
            "/orgs/acme-corp/members/nobody-here",
            "/orgs/{org}/members/{username}",
        ),
        (
            Method::DELETE,
            "/orgs/acme-corp/invitations/12",
            "/orgs/{org}/invitations/{invitation_id}",
        ),
        (
            Method::DELETE,
            "/orgs/acme-corp/invitations/abc",
            "/orgs/{org}/invitations/{invitation_id}",
        ),
        (
            Method::DELETE,
            "/orgs/acme-corp/credential-authorizations/9",
            "/orgs/{org}/credential-authorizations/{credential_id}",
        ),
        (
            Method::GET,
            "/orgs/other-org/credential-authorizations",
            "/orgs/{org}/credential-authorizations",
        ),
    ];
    for (method, uri, path) in cases {
        let answer = send(&router, method.clone(), uri, Some("good"), None).await;
        assert_eq!(answer.status, 404, "{method} {uri}: {}", answer.text);
        assert_eq!(answer.json()["message"], "Not Found");
        assert_contract(method.as_str(), path, &answer);
    }
}

#[tokio::test]
async fn invitations_filter_by_source_and_role_and_page_with_link() {
    let emulator = emulator(400);
    let router = router(&emulator);
    let all = all_pages(&router, "good", &format!("{ORG}/invitations?per_page=25")).await;
    let scim = all_pages(
        &router,
        "good",
        &format!("{ORG}/invitations?invitation_source=scim&per_page=100"),
    )
    .await;
    let member = all_pages(
        &router,
        "good",
        &format!("{ORG}/invitations?invitation_source=member"),
    )
    .await;
    assert_eq!(scim.len() + member.len(), all.len());
    assert!(scim
        .iter()
        .all(|i| i["invitation_source"] == "scim" && i["login"].is_null()));
    assert!(member.iter().all(|i| i["invitation_source"] == "member"));
    assert!(member.iter().any(|i| i["login"].is_string()));
    let admins = all_pages(&router, "good", &format!("{ORG}/invitations?role=admin")).await;
    assert!(admins.iter().all(|i| i["role"] == "admin"));
    let direct = all_pages(
        &router,
        "good",
        &format!("{ORG}/invitations?role=direct_member&per_page=100"),
    )
    .await;
    assert_eq!(admins.len() + direct.len(), all.len());
    let page = get(
        &router,
        &format!("{ORG}/invitations?per_page=5&invitation_source=scim"),
    )
    .await;
    assert_contract("GET", "/orgs/{org}/invitations", &page);
    assert!(
        page.header("link")
            .contains("invitation_source=scim&page=2"),
        "{}",
        page.header("link")
    );
}

#[tokio::test]
async fn credential_authorizations_page_filter_by_login_and_show_every_type() {
    let emulator = emulator(400);
    let router = router(&emulator);
    let first = get(
        &router,
        &format!("{ORG}/credential-authorizations?per_page=100"),
    )
    .await;
    assert_contract("GET", "/orgs/{org}/credential-authorizations", &first);
    let all = all_pages(
        &router,
        "good",
        &format!("{ORG}/credential-authorizations?per_page=100"),
    )
    .await;
    let kinds: std::collections::HashSet<&str> = all
        .iter()
        .map(|c| c["credential_type"].as_str().unwrap())
        .collect();
    for kind in [
        "personal access token",
        "SSH key",
        "OAuth app token",
        "GitHub app token",
    ] {
        assert!(kinds.contains(kind), "no {kind} seeded");
    }
    for credential in &all {
        match credential["credential_type"].as_str().unwrap() {
            "SSH key" => {
                assert!(credential["fingerprint"]
                    .as_str()
                    .unwrap()
                    .starts_with("SHA256:"));
                assert!(credential.get("token_last_eight").is_none());
                assert!(credential["authorized_credential_title"].is_string());
            }
            _ => {
                let tail = credential["token_last_eight"].as_str().unwrap();
                assert!(!tail.is_empty() && tail.len() <= 8, "{tail}");
                assert!(credential.get("fingerprint").is_none());
            }
        }
    }
    // The console's own token is one of the owner's PATs: the same last eight characters.
    let own = get(
        &router,
        &format!("{ORG}/credential-authorizations?login=Acme-Corp-Admin"),
    )
    .await;
    assert_contract("GET", "/orgs/{org}/credential-authorizations", &own);
    let own = own.json();
    let tails: Vec<&str> = own
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["token_last_eight"].as_str())
        .collect();
    assert_eq!(
        tails,
        ["good", "reader"],
        "tokens shorter than 8 show whole"
    );
    let none = get(
        &router,
        &format!("{ORG}/credential-authorizations?login=nobody"),
    )
    .await;
    assert_eq!(none.json(), json!([]));
}

#[tokio::test]
async fn outside_collaborators_are_listed_apart_from_members() {
    let router = router(&emulator(300));
    let answer = get(&router, &format!("{ORG}/outside_collaborators")).await;
    assert_contract("GET", "/orgs/{org}/outside_collaborators", &answer);
    let collaborators = logins(answer.json().as_array().unwrap());
    assert!(!collaborators.is_empty());
    let members = logins(&all_pages(&router, "good", &format!("{ORG}/members?per_page=100")).await);
    assert!(collaborators.iter().all(|c| !members.contains(c)));
    let filtered = get(
        &router,
        &format!("{ORG}/outside_collaborators?filter=2fa_disabled"),
    )
    .await;
    assert_eq!(filtered.status, 200);
}

#[tokio::test]
async fn token_states_answer_as_on_the_scim_endpoints() {
    let emulator = emulator(30);
    emulator.set_token("member", emulator::TokenState::Member);
    let router = router(&emulator);
    let lists = [
        ("/orgs/{org}/members", "members"),
        ("/orgs/{org}/invitations", "invitations"),
        (
            "/orgs/{org}/credential-authorizations",
            "credential-authorizations",
        ),
        ("/orgs/{org}/outside_collaborators", "outside_collaborators"),
    ];
    for (path, list) in lists {
        let uri = format!("{ORG}/{list}");
        let sso = get_as(&router, "nosso", &uri).await;
        assert_eq!(sso.status, 403, "{uri}");
        assert!(sso.header("x-github-sso").starts_with(
            "required; url=https://github.com/orgs/Acme-Corp/sso?authorization_request="
        ));
        assert_contract("GET", path, &sso);
        let bad = get_as(&router, "bogus", &uri).await;
        assert_eq!(bad.status, 401);
        assert_eq!(bad.json()["message"], "Bad credentials");
        let anonymous = send(&router, Method::GET, &uri, None, None).await;
        assert_eq!(anonymous.status, 401);
        assert_eq!(get_as(&router, "reader", &uri).await.status, 200, "{uri}");
    }
    // A member who is not an owner reads members, not the owner-only lists.
    assert_eq!(
        get_as(&router, "member", &format!("{ORG}/members"))
            .await
            .status,
        200
    );
    let refused = get_as(
        &router,
        "member",
        &format!("{ORG}/credential-authorizations"),
    )
    .await;
    assert_eq!(refused.status, 403);
    assert_contract("GET", "/orgs/{org}/credential-authorizations", &refused);
    assert_eq!(
        get_as(&router, "member", &format!("{ORG}/invitations"))
            .await
            .status,
        403
    );
    assert_eq!(
        get_as(
            &router,
            "member",
            &format!("{ORG}/members?filter=2fa_disabled")
        )
        .await
        .status,
        422
    );
    assert_eq!(get_as(&router, "member", USERS).await.status, 403);
    // Writes: the read-only and member tokens are refused, nothing changes.
    for token in ["reader", "member"] {
        let answer = delete_as(&router, token, &format!("{ORG}/members/acme-corp-admin")).await;
        assert_eq!(answer.status, 403, "{token}");
        assert_contract("DELETE", "/orgs/{org}/members/{username}", &answer);
    }
    assert!(emulator
        .read_store()
        .org
        .account_by_login("acme-corp-admin")
        .is_some());
}

#[tokio::test]
async fn the_last_owner_cannot_be_removed() {
    let emulator = emulator(0);
    let router = router(&emulator);
    let answer = delete_as(&router, "good", &format!("{ORG}/members/acme-corp-admin")).await;
    assert_eq!(answer.status, 403);
    assert_contract("DELETE", "/orgs/{org}/members/{username}", &answer);
    assert_eq!(emulator.read_store().org.member_count(), 1);
}

#[tokio::test]
async fn rate_limits_count_org_calls_in_the_core_budget() {
    let emulator = std::sync::Arc::new(
        emulator::Emulator::new(
            "acme-corp",
            [("t".to_owned(), emulator::TokenState::Authorized)],
        )
        .with_seed(10)
        .with_rate_limit(3),
    );
    let router = router(&emulator);
    for remaining in ["2", "1", "0"] {
        let answer = get_as(&router, "t", &format!("{ORG}/members")).await;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("x-ratelimit-remaining"), remaining);
        assert_eq!(answer.header("x-ratelimit-resource"), "core");
    }
    let limited = get_as(&router, "t", &format!("{ORG}/credential-authorizations")).await;
    assert_eq!(limited.status, 403);
    assert!(limited.header("retry-after").parse::<u64>().unwrap() > 0);
    assert_contract("GET", "/orgs/{org}/credential-authorizations", &limited);
}

#[tokio::test]
async fn faults_hit_org_routes_and_the_request_log_lists_them() {
    let emulator = emulator(10);
    let router = router(&emulator);
    let fault = json!({"status": 502, "path": "/members", "count": 1}).to_string();
    send(
        &router,
        Method::POST,
        "/_emulator/faults",
        None,
        Some(&fault),
    )
    .await;
    assert_eq!(get(&router, &format!("{ORG}/members")).await.status, 502);
    assert_eq!(get(&router, &format!("{ORG}/members")).await.status, 200);
    let log = send(&router, Method::GET, "/_emulator/requests", None, None)
        .await
        .json();
    let uris: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["uri"].as_str().unwrap())
        .collect();
    assert!(
        uris.iter().filter(|u| u.ends_with("/members")).count() >= 2,
        "{uris:?}"
    );
}

#[tokio::test]
async fn with_the_console_served_the_org_routes_still_answer_as_github() {
    let dir = std::env::temp_dir().join(format!("org-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<title>console</title>").unwrap();
    let router = emulator::app(
        emulator(5),
        emulator::Extras {
            static_dir: Some(&dir),
            ..emulator::Extras::default()
        },
    );
    for path in [
        "/orgs/acme-corp/members",
        "/orgs/acme-corp/credential-authorizations",
    ] {
        let anonymous = send(&router, Method::GET, path, None, None).await;
        assert_eq!(anonymous.status, 401, "{path}");
        assert!(!anonymous.text.contains("<title>"), "{path}");
        assert_eq!(get(&router, path).await.status, 200, "{path}");
    }
    let get_graphql = send(&router, Method::GET, "/graphql", Some("good"), None).await;
    assert_eq!(get_graphql.status, 404);
    assert_eq!(get_graphql.json()["message"], "Not Found");
    std::fs::remove_dir_all(&dir).unwrap();
}
