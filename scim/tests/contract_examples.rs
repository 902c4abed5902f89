//! The contract's own examples decode, and hostile bodies fail with a useful error.
use scim::{ErrorBody, ListResponse, ScimUser};
use serde_json::Value;

fn contract() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../contracts/github-org-scim.openapi.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Decodes a list body as the console does; the error says where the body broke the contract.
fn decode_list(body: &str) -> Result<ListResponse, serde_json::Error> {
    serde_json::from_str(body)
}

fn example(name: &str) -> String {
    contract()["components"]["examples"][name]["value"].to_string()
}

#[test]
fn list_examples_from_the_contract_decode() {
    let with = decode_list(&example("scim-user-list-response-with-filter")).unwrap();
    assert_eq!(with.total_results, 1);
    assert_eq!(
        with.resources[0].user_name.as_deref(),
        Some("octocat@github.com")
    );
    let without = decode_list(&example("scim-user-list-response-without-filter")).unwrap();
    assert_eq!(without.resources.len(), 2);
    assert_eq!(without.resources[1].shown_name(), "hu bot");
}

#[test]
fn user_example_decodes_with_primary_email() {
    let user: ScimUser = serde_json::from_str(&example("scim-user")).unwrap();
    assert_eq!(user.primary_email(), Some("mona.octocat@okta.example.com"));
    assert!(user.active);
}

#[test]
fn unknown_fields_are_tolerated() {
    let mut list: Value =
        serde_json::from_str(&example("scim-user-list-response-with-filter")).unwrap();
    list["somethingNew"] = Value::from(42);
    list["Resources"][0]["roles"] = serde_json::json!([{"value": "admin"}]);
    let decoded = decode_list(&list.to_string()).unwrap();
    assert_eq!(decoded.resources.len(), 1);
}

#[test]
fn total_only_answer_has_no_resources() {
    let body = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults":5,"itemsPerPage":0,"startIndex":1}"#;
    let decoded = decode_list(body).unwrap();
    assert_eq!((decoded.total_results, decoded.resources.len()), (5, 0));
}

#[test]
fn malformed_and_mistyped_lists_are_errors_that_name_the_problem() {
    assert!(decode_list("{\"schemas\": [").is_err());
    let wrong_type = r#"{"schemas":[],"totalResults":"many","itemsPerPage":1,"startIndex":1}"#;
    let err = decode_list(wrong_type).unwrap_err().to_string();
    assert!(err.contains("invalid type"), "{err}");
}

#[test]
fn error_bodies_decode_whether_status_is_a_number_or_a_string() {
    let scim = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":409,
        "scimType":"uniqueness","detail":"User already exists"}"#;
    let basic = r#"{"message":"Bad credentials","documentation_url":"https://docs.github.com","status":"401"}"#;
    let scim = ErrorBody::from_json(scim).unwrap();
    let basic = ErrorBody::from_json(basic).unwrap();
    assert_eq!(
        (scim.status, scim.text()),
        (Some(409), Some("User already exists"))
    );
    assert_eq!(
        (basic.status, basic.text()),
        (Some(401), Some("Bad credentials"))
    );
    assert!(ErrorBody::from_json("<html>502 Bad Gateway</html>").is_none());
}

#[test]
fn shown_name_falls_back_to_the_name_parts() {
    let mut user: ScimUser = serde_json::from_str(&example("scim-user")).unwrap();
    user.display_name = None;
    user.name = Some(scim::Name {
        given_name: Some("Zoë".into()),
        family_name: Some("Ångström".into()),
        formatted: None,
    });
    assert_eq!(user.shown_name(), "Zoë Ångström");
    user.name = None;
    assert_eq!(user.shown_name(), "");
}

#[test]
fn huge_strings_and_deep_unknown_fields_decode_without_trouble() {
    let mut list: Value =
        serde_json::from_str(&example("scim-user-list-response-with-filter")).unwrap();
    let huge = "ẞ".repeat(1_000_000);
    list["Resources"][0]["displayName"] = Value::from(huge.clone());
    let mut deep = serde_json::json!(1);
    for _ in 0..100 {
        deep = serde_json::json!({ "nested": deep });
    }
    list["Resources"][0]["futureField"] = deep;
    let decoded = decode_list(&list.to_string()).unwrap();
    assert_eq!(
        decoded.resources[0].display_name.as_deref(),
        Some(huge.as_str())
    );
}

#[test]
fn wrong_types_inside_a_user_are_errors() {
    let mut list: Value =
        serde_json::from_str(&example("scim-user-list-response-with-filter")).unwrap();
    list["Resources"][0]["active"] = Value::from("yes");
    assert!(decode_list(&list.to_string()).is_err());
    let mut list: Value =
        serde_json::from_str(&example("scim-user-list-response-with-filter")).unwrap();
    list["Resources"][0]["emails"] = Value::from("mona@example.com");
    assert!(decode_list(&list.to_string()).is_err());
}
