//! GraphQL at /graphql: the contract's drift query end to end with cursor paging, the filters,
//! GitHub's errors, the SAML refusal (body and header), the null provider, rate limits and the
//! enterprise path.
mod common;
mod org_common;

use std::collections::HashSet;
use std::sync::Arc;

use common::*;
use org_common::*;
use scim::org::graphql::{DriftData, ExternalIdentity, Response, DRIFT_QUERY};
use serde_json::{json, Value};

const PAGE: &str = r#"query($org: String!, $first: Int, $last: Int, $after: String, $before: String, $login: String, $userName: String, $membersOnly: Boolean) {
  organization(login: $org) { samlIdentityProvider { externalIdentities(first: $first, last: $last, after: $after, before: $before, login: $login, userName: $userName, membersOnly: $membersOnly) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id guid user { login } samlIdentity { nameId } scimIdentity { username } } }
    nodes { guid }
  } } }
}"#;

fn connection(answer: &Answer) -> Value {
    let body = answer.json();
    assert!(body.get("errors").is_none(), "{body}");
    body["data"]["organization"]["samlIdentityProvider"]["externalIdentities"].clone()
}

async fn page(router: &axum::Router, variables: Value) -> Value {
    let mut variables = variables;
    variables["org"] = json!("acme-corp");
    connection(&graphql(router, "good", PAGE, variables).await)
}

/// Every node of the drift query, paging with `after` until `hasNextPage` is false.
async fn drift_nodes(router: &axum::Router, token: &str) -> (Vec<ExternalIdentity>, u64) {
    let (mut nodes, mut after) = (Vec::new(), Value::Null);
    loop {
        let answer = graphql(
            router,
            token,
            DRIFT_QUERY,
            json!({"org": "acme-corp", "after": after}),
        )
        .await;
        assert_eq!(answer.status, 200);
        let decoded: Response<DriftData> = serde_json::from_str(&answer.text).unwrap();
        assert!(decoded.errors.is_empty(), "{}", answer.text);
        let data = decoded.data.unwrap();
        assert_eq!(data.rate_limit.unwrap().cost, 1);
        let connection = data
            .organization
            .unwrap()
            .saml_identity_provider
            .unwrap()
            .external_identities;
        let total = connection.total_count;
        let edges = connection.edges.unwrap();
        assert!(edges.len() <= 100);
        nodes.extend(edges.into_iter().flatten().filter_map(|e| e.node));
        if !connection.page_info.has_next_page {
            return (nodes, total);
        }
        after = json!(connection.page_info.end_cursor.unwrap());
    }
}

#[tokio::test]
async fn the_drift_query_pages_through_every_identity_once_and_shows_every_kind_of_drift() {
    let emulator = emulator(1000);
    let router = router(&emulator);
    let (nodes, total) = drift_nodes(&router, "good").await;
    assert_eq!(nodes.len() as u64, total);
    let guids: HashSet<&str> = nodes.iter().map(|n| n.guid.as_str()).collect();
    assert_eq!(guids.len(), nodes.len(), "a node came twice");

    let scim_nodes = nodes.iter().filter(|n| n.scim_identity.is_some()).count();
    assert_eq!(scim_nodes, 1000, "every SCIM identity is a node");
    let linked = |n: &&ExternalIdentity| {
        n.user.is_some() && n.scim_identity.is_some() && n.saml_identity.is_some()
    };
    let same = nodes.iter().filter(linked).filter(|n| {
        n.saml_identity.as_ref().unwrap().name_id == n.scim_identity.as_ref().unwrap().username
    });
    assert!(same.count() > 700);
    let case_only: Vec<_> = nodes
        .iter()
        .filter(linked)
        .filter(|n| {
            let (a, b) = (
                &n.saml_identity.as_ref().unwrap().name_id,
                &n.scim_identity.as_ref().unwrap().username,
            );
            a != b && a.as_deref().map(str::to_lowercase) == b.as_deref().map(str::to_lowercase)
        })
        .collect();
    assert!(!case_only.is_empty(), "no case-only difference");
    let pending: Vec<_> = nodes
        .iter()
        .filter(|n| n.user.is_none() && n.scim_identity.is_some())
        .collect();
    assert!(pending.len() > 150);
    assert!(pending.iter().all(|n| n.saml_identity.is_none()));
    let invitation = pending[0].organization_invitation.as_ref().unwrap();
    assert_eq!(invitation.invitation_source, "SCIM");
    assert_eq!(invitation.role.as_str(), "DIRECT_MEMBER");
    // NameID ≠ userName: a SAML-only node with a user shares an email with a SCIM-only node.
    let saml_only: Vec<_> = nodes
        .iter()
        .filter(|n| n.scim_identity.is_none() && n.user.is_some())
        .collect();
    let pending_emails: HashSet<String> = pending
        .iter()
        .flat_map(|n| n.scim_identity.as_ref().unwrap().emails.clone().unwrap())
        .map(|e| e.value.to_lowercase())
        .collect();
    let pairs = saml_only
        .iter()
        .filter(|n| {
            let saml = n.saml_identity.as_ref().unwrap();
            saml.emails
                .iter()
                .flatten()
                .any(|e| pending_emails.contains(&e.value.to_lowercase()))
                && !pending_emails.contains(&saml.name_id.clone().unwrap().to_lowercase())
        })
        .count();
    assert!(pairs >= 10, "{pairs} pairable NameID mismatches");
    // Stale: linked to a login that is no longer a member.
    let store = emulator.read_store();
    let stale = nodes
        .iter()
        .filter_map(|n| n.user.as_ref())
        .filter(|u| {
            let account = store.org.account_by_login(&u.login).unwrap();
            store.org.role(account.id).is_none()
        })
        .count();
    assert!(stale >= 5, "{stale} stale identities");
}

#[tokio::test]
async fn first_after_last_before_page_consistently() {
    let router = router(&emulator(120));
    let whole = page(&router, json!({"first": 100})).await;
    let total = whole["totalCount"].as_u64().unwrap();
    assert!(total > 100);
    assert_eq!(whole["pageInfo"]["hasNextPage"], true);
    assert_eq!(whole["pageInfo"]["hasPreviousPage"], false);
    assert_eq!(whole["nodes"].as_array().unwrap().len(), 100);
    let third = whole["edges"][2]["cursor"].clone();
    let after = page(&router, json!({"first": 2, "after": third})).await;
    assert_eq!(after["edges"][0]["node"], whole["edges"][3]["node"]);
    assert_eq!(after["pageInfo"]["hasPreviousPage"], true);
    let before = page(&router, json!({"last": 2, "before": third})).await;
    assert_eq!(before["edges"][0]["node"], whole["edges"][0]["node"]);
    assert_eq!(before["edges"][1]["node"], whole["edges"][1]["node"]);
    let tail = page(&router, json!({"last": 3})).await;
    assert_eq!(tail["pageInfo"]["hasNextPage"], false);
    assert_eq!(tail["edges"].as_array().unwrap().len(), 3);
    let zero = page(&router, json!({"first": 0})).await;
    assert_eq!(zero["edges"], json!([]));
    assert_eq!(zero["totalCount"].as_u64(), Some(total));
    // Cursors are opaque strings, not page numbers.
    assert!(third.as_str().unwrap().parse::<u64>().is_err());
}

#[tokio::test]
async fn login_username_and_members_only_filter() {
    let emulator = emulator(400);
    let router = router(&emulator);
    let one = page(&router, json!({"first": 10, "login": "MONA-OKAFOR-0"})).await;
    assert_eq!(one["totalCount"], 1);
    assert_eq!(one["edges"][0]["node"]["user"]["login"], "mona-okafor-0");
    let by_name = page(
        &router,
        json!({"first": 10, "userName": "MONA.OKAFOR0@contractors.example"}),
    )
    .await;
    assert_eq!(by_name["edges"][0]["node"], one["edges"][0]["node"]);
    let none = page(&router, json!({"first": 10, "login": "nobody"})).await;
    assert_eq!(none["totalCount"], 0);
    assert_eq!(none["pageInfo"]["endCursor"], Value::Null);

    let all = page(&router, json!({"first": 1})).await["totalCount"]
        .as_u64()
        .unwrap();
    let members_only = page(&router, json!({"first": 100, "membersOnly": true})).await;
    let expected = {
        let store = emulator.read_store();
        store
            .org
            .identity_seqs()
            .values()
            .filter(|i| i.user.is_some_and(|u| store.org.role(u).is_some()))
            .count()
    };
    assert_eq!(members_only["totalCount"].as_u64(), Some(expected as u64));
    assert!((expected as u64) < all);
    let mut cursor = Value::Null;
    let mut seen = 0;
    loop {
        let p = page(
            &router,
            json!({"first": 100, "membersOnly": true, "after": cursor}),
        )
        .await;
        for edge in p["edges"].as_array().unwrap() {
            assert!(edge["node"]["user"].is_object());
            seen += 1;
        }
        if p["pageInfo"]["hasNextPage"] == false {
            break;
        }
        cursor = p["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn bad_queries_get_githubs_errors() {
    let router = router(&emulator(10));
    let q = |args: &str| {
        format!("{{ organization(login: \"acme-corp\") {{ samlIdentityProvider {{ externalIdentities({args}) {{ totalCount }} }} }} }}")
    };
    let cases = [
        ("first: 101", "EXCESSIVE_PAGINATION", "Requesting 101 records on the `externalIdentities` connection exceeds the `first` limit of 100 records."),
        ("last: 500", "EXCESSIVE_PAGINATION", "Requesting 500 records on the `externalIdentities` connection exceeds the `last` limit of 100 records."),
        ("first: 5, last: 5", "INVALID_PAGINATION", "Passing both `first` and `last` to paginate the `externalIdentities` connection is not supported."),
        ("last: -1", "INVALID_PAGINATION", "`last` on the `externalIdentities` connection cannot be less than zero."),
        ("membersOnly: true", "MISSING_PAGINATION_BOUNDARIES", "You must provide a `first` or `last` value to properly paginate the `externalIdentities` connection."),
        ("first: 5, after: \"nope\"", "INVALID_CURSOR_ARGUMENTS", "`nope` does not appear to be a valid cursor."),
    ];
    for (args, kind, message) in cases {
        let answer = graphql(&router, "good", &q(args), json!({})).await;
        assert_eq!(answer.status, 200);
        let body = answer.json();
        let error = &body["errors"][0];
        assert_eq!(error["type"], kind, "{body}");
        assert_eq!(error["message"], message);
        assert_eq!(
            error["path"],
            json!(["organization", "samlIdentityProvider", "externalIdentities"])
        );
        assert!(error["locations"][0]["line"].is_number());
        assert_eq!(
            body["data"]["organization"]["samlIdentityProvider"],
            Value::Null
        );
    }
    // Unknown field, syntax error, wrong argument type: errors and no data.
    for query in [
        "{ organization(login: \"acme-corp\") { foo } }",
        "{ organization(login: ",
        "{ organization(login: 5) { login } }",
    ] {
        let body = graphql(&router, "good", query, json!({})).await.json();
        assert!(body.get("data").is_none(), "{body}");
        assert!(body["errors"][0]["message"].is_string());
    }
    let unknown = graphql(
        &router,
        "good",
        "{ organization(login: \"other\") { login } }",
        json!({}),
    )
    .await
    .json();
    assert_eq!(unknown["data"]["organization"], Value::Null);
    assert_eq!(unknown["errors"][0]["type"], "NOT_FOUND");
    assert_eq!(unknown["errors"][0]["path"], json!(["organization"]));
    let no_query = send(
        &router,
        axum::http::Method::POST,
        "/graphql",
        Some("good"),
        Some("{}"),
    )
    .await;
    assert_eq!(no_query.status, 200);
    assert_eq!(
        no_query.json()["errors"][0]["message"],
        "A query attribute must be specified and must be a string."
    );
    let not_json = send(
        &router,
        axum::http::Method::POST,
        "/graphql",
        Some("good"),
        Some("query {"),
    )
    .await;
    assert_eq!(not_json.status, 400);
    assert_eq!(not_json.json()["message"], "Problems parsing JSON");
}

#[tokio::test]
async fn an_sso_refusal_is_200_with_forbidden_saml_failure_and_the_header() {
    let router = router(&emulator(10));
    let answer = graphql(&router, "nosso", DRIFT_QUERY, json!({"org": "acme-corp"})).await;
    assert_eq!(answer.status, 200);
    assert!(answer
        .header("x-github-sso")
        .starts_with("required; url=https://github.com/orgs/Acme-Corp/sso?authorization_request="));
    assert_eq!(
        answer.header("content-type"),
        "application/json; charset=utf-8"
    );
    let body = answer.json();
    assert_eq!(
        body["data"]["organization"]["samlIdentityProvider"],
        Value::Null
    );
    assert_eq!(body["data"]["rateLimit"]["cost"], 1);
    let error = &body["errors"][0];
    assert_eq!(error["type"], "FORBIDDEN");
    assert_eq!(error["extensions"], json!({"saml_failure": true}));
    assert_eq!(
        error["path"],
        json!(["organization", "samlIdentityProvider"])
    );
    assert!(error["message"]
        .as_str()
        .unwrap()
        .starts_with("Resource protected by organization SAML enforcement."));
    let decoded: Response<DriftData> = serde_json::from_str(&answer.text).unwrap();
    assert!(decoded.errors[0].is_saml_failure());
    // An authorized token gets no such header.
    let fine = graphql(&router, "good", DRIFT_QUERY, json!({"org": "acme-corp"})).await;
    assert_eq!(fine.header("x-github-sso"), "");
}

#[tokio::test]
async fn the_provider_is_null_without_the_rights_and_visible_with_read_org() {
    let emulator = emulator(10);
    emulator.set_token("member", emulator::TokenState::Member);
    let router = router(&emulator);
    let member = graphql(&router, "member", DRIFT_QUERY, json!({"org": "acme-corp"}))
        .await
        .json();
    assert_eq!(
        member["data"]["organization"]["samlIdentityProvider"],
        Value::Null
    );
    assert!(member.get("errors").is_none(), "{member}");
    let reader = graphql(&router, "reader", DRIFT_QUERY, json!({"org": "acme-corp"}))
        .await
        .json();
    assert!(reader["data"]["organization"]["samlIdentityProvider"]["ssoUrl"].is_string());
    for (token, message) in [
        (Some("bogus"), "Bad credentials"),
        (None, "This endpoint requires you to be authenticated."),
    ] {
        let body = json!({"query": DRIFT_QUERY}).to_string();
        let answer = send(
            &router,
            axum::http::Method::POST,
            "/graphql",
            token,
            Some(&body),
        )
        .await;
        assert_eq!(answer.status, 401);
        assert_eq!(answer.json()["message"], message);
    }
}

#[tokio::test]
async fn graphql_points_are_their_own_budget_and_a_spent_one_is_200_with_an_error() {
    let emulator = Arc::new(
        emulator::Emulator::new(
            "acme-corp",
            [("t".to_owned(), emulator::TokenState::Authorized)],
        )
        .with_seed(5)
        .with_rate_limit(2),
    );
    let router = router(&emulator);
    for remaining in [1, 0] {
        let answer = graphql(&router, "t", DRIFT_QUERY, json!({"org": "acme-corp"})).await;
        assert_eq!(answer.header("x-ratelimit-resource"), "graphql");
        assert_eq!(
            answer.header("x-ratelimit-remaining"),
            remaining.to_string()
        );
        assert_eq!(answer.json()["data"]["rateLimit"]["remaining"], remaining);
    }
    let limited = graphql(&router, "t", DRIFT_QUERY, json!({"org": "acme-corp"})).await;
    assert_eq!(limited.status, 200);
    assert_eq!(limited.header("x-ratelimit-remaining"), "0");
    assert!(limited.header("x-ratelimit-reset").parse::<u64>().unwrap() > 0);
    let body = limited.json();
    assert_eq!(body["errors"][0]["type"], "RATE_LIMITED");
    assert!(body.get("data").is_none());
    // REST has its own budget.
    let rest = get_as(&router, "t", &format!("{ORG}/members")).await;
    assert_eq!(rest.status, 200);
    assert_eq!(rest.header("x-ratelimit-resource"), "core");
}

#[tokio::test]
async fn rate_limit_reports_cost_and_node_count() {
    let router = router(&emulator(5));
    let query = "query($n: Int) { rateLimit { cost limit nodeCount remaining resetAt used } organization(login: \"acme-corp\") { samlIdentityProvider { externalIdentities(first: $n) { totalCount } } } }";
    let body = graphql(&router, "good", query, json!({"n": 40}))
        .await
        .json();
    let rate = &body["data"]["rateLimit"];
    assert_eq!(rate["cost"], 1);
    assert_eq!(rate["nodeCount"], 40);
    assert_eq!(rate["limit"], 5000);
    assert_eq!(rate["used"], 1);
    assert!(rate["resetAt"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn with_saml_at_the_enterprise_the_org_provider_is_null_and_the_enterprise_serves_the_identities(
) {
    let emulator = Arc::new(
        emulator::Emulator::new(
            "acme-corp",
            [
                ("owner".to_owned(), emulator::TokenState::Authorized),
                ("reader".to_owned(), emulator::TokenState::ReadOnly),
            ],
        )
        .with_seed(50)
        .with_enterprise_saml(Some("acme".into())),
    );
    let router = router(&emulator);
    let org = graphql(&router, "owner", DRIFT_QUERY, json!({"org": "acme-corp"}))
        .await
        .json();
    assert_eq!(
        org["data"]["organization"]["samlIdentityProvider"],
        Value::Null
    );
    let query = "query($slug: String!) { enterprise(slug: $slug) { slug ownerInfo { samlIdentityProvider { ssoUrl externalIdentities(first: 100) { totalCount edges { node { guid user { login } } } } } } } }";
    let owner = graphql(&router, "owner", query, json!({"slug": "acme"}))
        .await
        .json();
    let identities =
        &owner["data"]["enterprise"]["ownerInfo"]["samlIdentityProvider"]["externalIdentities"];
    assert!(identities["totalCount"].as_u64().unwrap() >= 50, "{owner}");
    let reader = graphql(&router, "reader", query, json!({"slug": "acme"}))
        .await
        .json();
    assert_eq!(reader["data"]["enterprise"]["ownerInfo"], Value::Null);
    let other = graphql(&router, "owner", query, json!({"slug": "other"}))
        .await
        .json();
    assert_eq!(other["errors"][0]["type"], "NOT_FOUND");
}

#[tokio::test]
async fn faults_and_the_request_log_cover_graphql() {
    let router = router(&emulator(5));
    let fault = json!({"status": 502, "path": "/graphql"}).to_string();
    send(
        &router,
        axum::http::Method::POST,
        "/_emulator/faults",
        None,
        Some(&fault),
    )
    .await;
    let failed = graphql(&router, "good", DRIFT_QUERY, json!({"org": "acme-corp"})).await;
    assert_eq!(failed.status, 502);
    let fine = graphql(&router, "good", DRIFT_QUERY, json!({"org": "acme-corp"})).await;
    assert_eq!(fine.status, 200);
    let log = send(
        &router,
        axum::http::Method::GET,
        "/_emulator/requests",
        None,
        None,
    )
    .await
    .json();
    let posts = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == "POST" && r["uri"] == "/graphql")
        .count();
    assert_eq!(posts, 2);
}
