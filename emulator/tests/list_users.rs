//! The list endpoint over the real router, without a socket.
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use emulator::{app, seed, Emulator, Extras, TokenState};
use http_body_util::BodyExt;
use scim::{ErrorBody, ListResponse};
use tower::ServiceExt;

fn emulator_with(users: usize) -> axum::Router {
    let emulator = Emulator::new(
        "Acme-Corp",
        [
            ("good".to_owned(), TokenState::Authorized),
            ("nosso".to_owned(), TokenState::SsoRequired),
        ],
    )
    .with_seed(users);
    app(Arc::new(emulator), Extras::default())
}

fn list(body: &str) -> ListResponse {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

async fn get(
    router: axum::Router,
    uri: &str,
    token: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut request = Request::get(uri).header(header::HOST, "api.test");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let response = router
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn pages_are_one_based_and_default_to_thirty() {
    let (status, headers, body) = get(
        emulator_with(45),
        "/scim/v2/organizations/acme-corp/Users",
        Some("good"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/scim+json");
    let first = list(&body);
    assert_eq!(
        (
            first.total_results,
            first.items_per_page,
            first.resources.len()
        ),
        (45, 30, 30)
    );
    assert_eq!(first.resources[0].id, seed::user(0).id);

    let uri = "/scim/v2/organizations/ACME-CORP/Users?startIndex=31&count=100";
    let (_, _, body) = get(emulator_with(45), uri, Some("good")).await;
    let second = list(&body);
    assert_eq!((second.start_index, second.resources.len()), (31, 15));
    assert_eq!(second.resources[0].id, seed::user(30).id);
    let location = second.resources[0].meta.location.as_deref().unwrap();
    assert_eq!(
        location,
        format!(
            "http://api.test/scim/v2/organizations/ACME-CORP/Users/{}",
            seed::user(30).id
        )
    );
}

#[tokio::test]
async fn count_is_capped_and_zero_returns_only_the_total() {
    let uri = "/scim/v2/organizations/acme-corp/Users?count=1000";
    let (_, _, body) = get(emulator_with(150), uri, Some("good")).await;
    assert_eq!(list(&body).resources.len(), 100);
    let uri = "/scim/v2/organizations/acme-corp/Users?count=0";
    let (_, _, body) = get(emulator_with(150), uri, Some("good")).await;
    let total_only = list(&body);
    assert_eq!(
        (total_only.total_results, total_only.resources.len()),
        (150, 0)
    );
}

#[tokio::test]
async fn missing_and_unknown_tokens_are_401_with_githubs_body() {
    let uri = "/scim/v2/organizations/acme-corp/Users";
    let (status, _, body) = get(emulator_with(1), uri, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        ErrorBody::from_json(&body).unwrap().text(),
        Some("Requires authentication")
    );
    let (status, _, body) = get(emulator_with(1), uri, Some("stolen")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        ErrorBody::from_json(&body).unwrap().text(),
        Some("Bad credentials")
    );
}

#[tokio::test]
async fn sso_required_token_gets_403_with_the_authorization_url() {
    let uri = "/scim/v2/organizations/acme-corp/Users";
    let (status, headers, body) = get(emulator_with(1), uri, Some("nosso")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let sso = headers["x-github-sso"].to_str().unwrap();
    assert!(
        sso.starts_with(
            "required; url=https://github.com/orgs/Acme-Corp/sso?authorization_request="
        ),
        "{sso}"
    );
    assert!(ErrorBody::from_json(&body)
        .unwrap()
        .text()
        .unwrap()
        .contains("SAML enforcement"));
}

#[tokio::test]
async fn unknown_org_is_404() {
    let uri = "/scim/v2/organizations/other-org/Users";
    let (status, _, _) = get(emulator_with(1), uri, Some("good")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn preflight_allows_authorization_and_exposes_the_sso_header() {
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri("/scim/v2/organizations/acme-corp/Users")
        .header(header::ORIGIN, "http://console.test")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
        .body(Body::empty())
        .unwrap();
    let response = emulator_with(1).oneshot(request).await.unwrap();
    assert!(response.status().is_success());
    let h = response.headers();
    assert_eq!(h[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    assert!(h[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .unwrap()
        .contains("authorization"));

    // The actual response to a cross-origin GET exposes what the console must read.
    let request = Request::get("/scim/v2/organizations/acme-corp/Users")
        .header(header::ORIGIN, "http://console.test")
        .header(header::AUTHORIZATION, "Bearer good")
        .body(Body::empty())
        .unwrap();
    let response = emulator_with(1).oneshot(request).await.unwrap();
    let exposed = response.headers()[header::ACCESS_CONTROL_EXPOSE_HEADERS]
        .to_str()
        .unwrap();
    assert!(
        exposed.contains("x-github-sso") && exposed.contains("retry-after"),
        "{exposed}"
    );
}

#[tokio::test]
async fn filters_find_by_each_supported_attribute() {
    let seventh = seed::user(7);
    let user_name = seventh.user_name.clone().unwrap();
    let cases = [
        format!("userName eq \"{}\"", user_name.to_uppercase()),
        format!("id eq \"{}\"", seventh.id),
        format!("emails eq \"{}\"", seventh.emails[0].value),
    ];
    for filter in cases {
        let uri = format!(
            "/scim/v2/organizations/acme-corp/Users?filter={}",
            encode(&filter)
        );
        let (status, _, body) = get(emulator_with(20), &uri, Some("good")).await;
        assert_eq!(status, StatusCode::OK, "{filter}");
        let page = list(&body);
        assert_eq!(
            (page.total_results, page.resources[0].id.as_str()),
            (1, seventh.id.as_str()),
            "{filter}"
        );
    }
    let uri = format!(
        "/scim/v2/organizations/acme-corp/Users?filter={}",
        encode("userName eq \"nobody\"")
    );
    let (_, _, body) = get(emulator_with(20), &uri, Some("good")).await;
    assert_eq!(list(&body).total_results, 0);
}

#[tokio::test]
async fn unsupported_filters_are_400_invalid_filter_saying_what_works() {
    let uri = format!(
        "/scim/v2/organizations/acme-corp/Users?filter={}",
        encode("displayName co \"a\"")
    );
    let (status, _, body) = get(emulator_with(2), &uri, Some("good")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error = ErrorBody::from_json(&body).unwrap();
    assert_eq!(error.scim_type.as_deref(), Some("invalidFilter"));
    assert!(error
        .text()
        .unwrap()
        .contains("Only `eq` on id, userName, emails or externalId"));
}

#[tokio::test]
async fn start_index_below_one_is_one_and_garbage_is_400() {
    let uri = "/scim/v2/organizations/acme-corp/Users?startIndex=-5&count=2";
    let (_, _, body) = get(emulator_with(5), uri, Some("good")).await;
    let page = list(&body);
    assert_eq!(
        (page.start_index, page.resources[0].id.clone()),
        (1, seed::user(0).id)
    );
    let uri = "/scim/v2/organizations/acme-corp/Users?count=lots";
    let (status, _, _) = get(emulator_with(5), uri, Some("good")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_users_path_is_case_sensitive() {
    let (status, _, _) = get(
        emulator_with(1),
        "/scim/v2/organizations/acme-corp/users",
        Some("good"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Percent-encodes a query value (spaces, quotes, backslashes).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The console builds look-up filters with `scim::query`; a value with a control character (a
/// tab pasted from a spreadsheet) must find the identity it names, not the literal `u0009`.
#[tokio::test]
async fn a_filter_built_by_the_client_finds_a_value_with_a_control_character() {
    use scim::query::{EqFilter, FilterAttribute, ListQuery};
    let emulator = Emulator::new("acme-corp", [("good".to_owned(), TokenState::Authorized)]);
    let router = app(Arc::new(emulator), Extras::default());
    let user_name = "tab\there@example.com";
    let body = serde_json::json!({
        "userName": user_name,
        "name": {"givenName": "Tab", "familyName": "Here"},
        "emails": [{"value": "tab@example.com", "primary": true}]
    });
    let request = Request::post("/scim/v2/organizations/acme-corp/Users")
        .header(header::HOST, "api.test")
        .header(header::AUTHORIZATION, "Bearer good")
        .header(header::CONTENT_TYPE, "application/scim+json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let created = router.clone().oneshot(request).await.unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);

    let query = ListQuery::lookup(EqFilter::new(FilterAttribute::UserName, user_name));
    let uri = format!(
        "/scim/v2/organizations/acme-corp/Users?{}",
        query.to_query_string()
    );
    let (status, _, body) = get(router, &uri, Some("good")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = list(&body);
    assert_eq!(page.total_results, 1, "{uri} found nothing: {body}");
    assert_eq!(page.resources[0].user_name.as_deref(), Some(user_name));
}
