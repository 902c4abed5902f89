//! The drift review's fetch layer in headless Chromium against a running emulator on another
//! origin: REST lists paged by `Link` (the page count read from `rel="last"`, every URL built
//! from the configured base, never followed), GraphQL cursor paging, a GraphQL SAML refusal
//! closing the gate, a GraphQL page whose points ran out waited out, a plain 403 on a drift read
//! left to that read, and the DELETE steps of the review's actions with their exactly-once rule.
//! scripts/test starts the emulator (`--test-control`, 3,000 identities) at SCIM_TEST_API.
#![cfg(target_arch = "wasm32")]

use console_core::drift::{
    check_for, CredentialKind, CredentialSubject, MemberSubject, Owner, Ownership, Step, StepKind,
    Subject,
};
use console_core::gate::Gate;
use console_core::retry::Method;
use gloo_net::http::Request;
use scim::org::{CredentialAuthorization, Link, LinkRel, ListedUser};
use scim_admin::api::cancel::now_ms;
use scim_admin::api::org::{IdentitySource, NoProvider, Window};
use scim_admin::api::paged::load_list;
use scim_admin::api::{ApiClient, Cancel, ErrorKind};
use scim_admin::config::Mode;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

mod common;

use common::{control, reset, API, ORG};

wasm_bindgen_test_configure!(run_in_browser);

/// Every review read goes straight to the API, as in direct mode.
fn client(token: &str) -> (ApiClient, std::sync::Arc<common::Recorder>) {
    common::client(token, Mode::Direct)
}

/// Forgets the requests seen so far (and any queued fault).
async fn clear_log() {
    let response = Request::delete(&format!("{API}/_emulator/faults"))
        .send()
        .await
        .unwrap();
    assert!(response.ok(), "clearing the log: {}", response.status());
}

/// (method, uri) of the org REST and GraphQL requests the emulator saw since the last reset.
/// (gloo-net ends a URL that has a query with `&`; it is dropped here.)
async fn log() -> Vec<(String, String)> {
    let entries: Vec<Value> = Request::get(&format!("{API}/_emulator/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    entries
        .iter()
        .map(|e| {
            (
                e["method"].as_str().unwrap().to_owned(),
                e["uri"].as_str().unwrap().trim_end_matches('&').to_owned(),
            )
        })
        .filter(|(_, uri)| !uri.starts_with("/_emulator") && !uri.starts_with("/scim/"))
        .collect()
}

/// GET straight from the emulator, not through the client: (Link, JSON).
async fn raw_get(path: &str) -> (Link, Value) {
    let response = Request::get(&format!("{API}{path}"))
        .header("Authorization", "Bearer wasm-token")
        .send()
        .await
        .unwrap();
    let link = response.headers().get("link").map(|l| Link::parse(&l));
    (link.unwrap_or_default(), response.json().await.unwrap())
}

#[wasm_bindgen_test]
async fn a_rest_list_is_paged_by_its_last_page_with_urls_built_from_the_base() {
    reset().await;
    // The size of the list, found independently: the first page's `last`, then that page.
    let (first, _) = raw_get(&format!("/orgs/{ORG}/members?per_page=100")).await;
    let pages = first.page_of(LinkRel::Last).unwrap();
    assert!(
        first
            .get(LinkRel::Next)
            .unwrap()
            .contains("/organizations/"),
        "GitHub's absolute links name the org by id"
    );
    let (_, last) = raw_get(&format!("/orgs/{ORG}/members?per_page=100&page={pages}")).await;
    let expected = (pages - 1) * 100 + last.as_array().unwrap().len() as u64;
    reset().await;

    let (client, _) = client("wasm-token");
    let mut logins = std::collections::HashSet::new();
    let path = format!("/orgs/{ORG}/members");
    let progress = load_list::<ListedUser>(&client, &path, 3, &Cancel::new(), |page, _| {
        logins.extend(page.into_iter().map(|u| u.login));
    })
    .await
    .unwrap();
    assert_eq!(progress.items, expected);
    assert_eq!(logins.len() as u64, expected);
    assert_eq!(progress.pages, Some(pages));
    let mut asked: Vec<String> = log()
        .await
        .into_iter()
        .map(|(m, uri)| format!("{m} {uri}"))
        .collect();
    asked.sort();
    let mut built: Vec<String> = (1..=pages)
        .map(|n| format!("GET /orgs/{ORG}/members?per_page=100&page={n}"))
        .collect();
    built.sort();
    assert_eq!(
        asked, built,
        "each page once, each URL built from the base, none followed"
    );
}

#[wasm_bindgen_test]
async fn a_rest_list_comes_out_in_its_order_when_a_page_answers_late() {
    reset().await;
    let mut expected = Vec::new();
    for page in 1..=3 {
        let (_, items) = raw_get(&format!("/orgs/{ORG}/members?per_page=100&page={page}")).await;
        let logins = items.as_array().unwrap().iter();
        expected.extend(logins.map(|u| u["login"].as_str().unwrap().to_owned()));
    }
    // Page 2 answers late: pages 3 and on arrive before it.
    control("faults", json!({"path": "&page=2&", "delayMs": 800})).await;
    let (client, _) = client("wasm-token");
    let mut logins = Vec::new();
    let path = format!("/orgs/{ORG}/members");
    load_list::<ListedUser>(&client, &path, 3, &Cancel::new(), |page, _| {
        logins.extend(page.into_iter().map(|u| u.login));
    })
    .await
    .unwrap();
    assert_eq!(
        logins[..expected.len()],
        expected[..],
        "pages 1, 2, 3 in order"
    );
}

#[wasm_bindgen_test]
async fn a_list_of_one_page_is_one_request() {
    reset().await;
    let (client, _) = client("wasm-token");
    let path = format!("/orgs/{ORG}/outside_collaborators");
    let progress = load_list::<ListedUser>(&client, &path, 3, &Cancel::new(), |_, _| {})
        .await
        .unwrap();
    assert!(progress.items > 0 && progress.items < 100, "{progress:?}");
    assert_eq!(log().await.len(), 1);
}

#[wasm_bindgen_test]
async fn external_identities_are_read_cursor_after_cursor_to_the_total() {
    reset().await;
    let (client, _) = client("wasm-token");
    let (mut after, mut guids, mut pages) = (None::<String>, Vec::new(), 0);
    let mut total;
    loop {
        let page = client
            .identity_page(
                &IdentitySource::Organization,
                Window::After(after.as_deref()),
                &Cancel::new(),
            )
            .await
            .unwrap()
            .unwrap();
        pages += 1;
        total = page.total;
        guids.extend(page.nodes.into_iter().map(|n| n.guid));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert!(
        total > 3_000,
        "every SCIM identity is a node, plus SAML-only ones: {total}"
    );
    assert_eq!(guids.len() as u64, total);
    guids.sort();
    guids.dedup();
    assert_eq!(guids.len() as u64, total, "no node twice");
    assert_eq!(pages, total.div_ceil(100));
    let posts = log().await;
    assert_eq!(posts.len() as u64, pages);
    assert!(posts
        .iter()
        .all(|(m, uri)| m == "POST" && uri == "/graphql"));
}

/// Every guid of the connection read from one end: the pages in the order read.
async fn read_from(client: &ApiClient, backwards: bool) -> Vec<Vec<String>> {
    let (mut cursor, mut pages) = (None::<String>, Vec::new());
    loop {
        let window = match backwards {
            false => Window::After(cursor.as_deref()),
            true => Window::Before(cursor.as_deref()),
        };
        let page = client
            .identity_page(&IdentitySource::Organization, window, &Cancel::new())
            .await
            .unwrap()
            .unwrap();
        pages.push(page.nodes.into_iter().map(|n| n.guid).collect());
        match page.next {
            Some(next) => cursor = Some(next),
            None => return pages,
        }
    }
}

#[wasm_bindgen_test]
async fn read_from_the_end_before_cursor_after_cursor_the_connection_comes_out_the_same() {
    reset().await;
    let (client, _) = client("wasm-token");
    let forward: Vec<String> = read_from(&client, false).await.concat();
    let backward = read_from(&client, true).await;
    assert_eq!(backward.len(), forward.len().div_ceil(100));
    let last = &backward[0];
    assert_eq!(last.len(), 100, "the last page from the end is a full one");
    assert_eq!(last[..], forward[forward.len() - 100..]);
    let joined: Vec<String> = backward.into_iter().rev().flatten().collect();
    assert_eq!(joined, forward);
}

#[wasm_bindgen_test]
async fn a_graphql_saml_refusal_closes_the_gate_like_a_rest_one() {
    reset().await;
    let (client, link) = client("wasm-sso");
    let error = client
        .identity_page(
            &IdentitySource::Organization,
            Window::After(None),
            &Cancel::new(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind, ErrorKind::SsoRequired { .. }),
        "{error:?}"
    );
    match link.now() {
        Gate::SsoRequired { url: Some(url) } => {
            assert!(
                url.starts_with("https://github.com/orgs/acme-corp/sso"),
                "{url}"
            )
        }
        other => panic!("the gate is {other:?}"),
    }
    assert!(!link.now().can_write());
    assert_eq!(log().await.len(), 1, "a refusal is not retried");
}

#[wasm_bindgen_test]
async fn a_graphql_page_whose_points_ran_out_is_waited_out_until_the_reset() {
    reset().await;
    control(
        "faults",
        json!({"graphqlRateLimited": 2, "path": "/graphql"}),
    )
    .await;
    let (client, link) = client("wasm-token");
    let started = now_ms();
    let page = client
        .identity_page(
            &IdentitySource::Organization,
            Window::After(None),
            &Cancel::new(),
        )
        .await
        .unwrap()
        .unwrap();
    let waited = now_ms() - started;
    assert_eq!(page.nodes.len(), 100);
    assert!(waited >= 900.0, "waited {waited} ms");
    let waits = link.waits.lock().unwrap().clone();
    assert!(
        matches!(waits.first(), Some(Some(_))) && waits.last() == Some(&None),
        "the wait is announced, then its end: {waits:?}"
    );
    assert_eq!(
        link.now(),
        Gate::Open,
        "a rate limit says nothing about the token"
    );
    assert_eq!(log().await.len(), 2);
}

#[wasm_bindgen_test]
async fn a_plain_403_on_a_drift_read_is_that_reads_error_not_the_gates() {
    reset().await;
    control("tokens", json!({"token": "wasm-member", "state": "member"})).await;
    let (client, link) = client("wasm-member");
    let path = format!("/orgs/{ORG}/credential-authorizations");
    let error = load_list::<CredentialAuthorization>(&client, &path, 2, &Cancel::new(), |_, _| {})
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Forbidden);
    assert_eq!(link.now(), Gate::Open, "the rest of the console stays open");
    // A member's token sees no identity provider: said, not an error.
    let none = client
        .identity_page(
            &IdentitySource::Organization,
            Window::After(None),
            &Cancel::new(),
        )
        .await
        .unwrap();
    assert_eq!(none.err(), Some(NoProvider::Organization));
    assert_eq!(link.now(), Gate::Open);
}

fn member_subject(login: &str) -> Subject {
    Subject::Member(MemberSubject {
        login: login.into(),
        has_saml: false,
        linked_scim: false,
        owner: Owner::No,
    })
}

fn remove(login: &str) -> Step {
    Step {
        kind: StepKind::RemoveMember,
        method: Method::Delete,
        path: format!("/orgs/{ORG}/members/{login}"),
    }
}

/// A member who is not the owner account.
async fn some_member() -> String {
    let (_, page) = raw_get(&format!("/orgs/{ORG}/members?per_page=5")).await;
    let logins: Vec<String> = page
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["login"].as_str().unwrap().to_owned())
        .collect();
    logins.into_iter().find(|l| !l.ends_with("-admin")).unwrap()
}

#[wasm_bindgen_test]
async fn a_removal_whose_answer_was_lost_is_retried_and_its_404_confirmed_by_the_membership() {
    reset().await;
    let login = some_member().await;
    clear_log().await;
    control(
        "faults",
        json!({"status": 502, "after": true, "method": "DELETE", "path": "/members/"}),
    )
    .await;
    let (client, _) = client("wasm-token");
    let step = remove(&login);
    let check = check_for(ORG, &step, &member_subject(&login));
    let done = client
        .delete_step(&step, check, &Cancel::new())
        .await
        .unwrap();
    assert!(
        done.note.starts_with("removed by an earlier attempt"),
        "{}",
        done.note
    );
    let methods: Vec<String> = log()
        .await
        .into_iter()
        .map(|(m, uri)| format!("{m} {uri}"))
        .collect();
    assert_eq!(
        methods,
        [
            format!("DELETE /orgs/{ORG}/members/{login}"),
            format!("DELETE /orgs/{ORG}/members/{login}"),
            format!("GET /orgs/{ORG}/memberships/{login}"),
        ]
    );
}

#[wasm_bindgen_test]
async fn a_404_with_x_github_sso_is_a_refusal_never_done() {
    reset().await;
    let login = some_member().await;
    clear_log().await;
    control(
        "faults",
        json!({"status": 404, "sso": true, "method": "DELETE", "path": "/members/"}),
    )
    .await;
    let (client, link) = client("wasm-token");
    let step = remove(&login);
    let check = check_for(ORG, &step, &member_subject(&login));
    let error = client
        .delete_step(&step, check, &Cancel::new())
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind, ErrorKind::SsoRequired { .. }),
        "{error:?}"
    );
    assert!(!link.now().can_write());
    assert_eq!(log().await.len(), 1, "no confirming read, no retry");
    // The gate closed: the next step is not sent at all.
    let again = client
        .delete_step(&step, None, &Cancel::new())
        .await
        .unwrap_err();
    assert_eq!(again.kind, ErrorKind::NotSent);
    assert_eq!(log().await.len(), 1);
}

#[wasm_bindgen_test]
async fn revoking_twice_the_second_404_is_confirmed_gone_by_the_login_s_list() {
    reset().await;
    let (_, page) = raw_get(&format!(
        "/orgs/{ORG}/credential-authorizations?per_page=100"
    ))
    .await;
    let pat = page
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["credential_type"] == "personal access token"
                && !c["login"].as_str().unwrap().ends_with("-admin")
        })
        .unwrap()
        .clone();
    let (id, login) = (
        pat["credential_id"].as_u64().unwrap(),
        pat["login"].as_str().unwrap().to_owned(),
    );
    let step = Step {
        kind: StepKind::RevokeCredential,
        method: Method::Delete,
        path: format!("/orgs/{ORG}/credential-authorizations/{id}"),
    };
    let subject = Subject::Credential(CredentialSubject {
        credential_id: id,
        login: login.clone(),
        member: true,
        kind: CredentialKind::ClassicPat,
        identifier: String::new(),
        scopes: Vec::new(),
        ownership: Ownership::NotYours,
    });
    clear_log().await;
    let (client, _) = client("wasm-token");
    let first = client
        .delete_step(&step, check_for(ORG, &step, &subject), &Cancel::new())
        .await
        .unwrap();
    assert_eq!(first.note, "");
    let second = client
        .delete_step(&step, check_for(ORG, &step, &subject), &Cancel::new())
        .await
        .unwrap();
    assert!(
        second.note.starts_with("already removed"),
        "{}",
        second.note
    );
    let asked: Vec<String> = log()
        .await
        .into_iter()
        .map(|(m, uri)| format!("{m} {uri}"))
        .collect();
    assert_eq!(asked.len(), 3, "{asked:?}");
    assert!(
        asked[2].starts_with(&format!(
            "GET /orgs/{ORG}/credential-authorizations?login={login}&per_page=100&page=1"
        )),
        "{asked:?}"
    );
}
