//! Filter expressions are quoted and escaped so no value can change the query; PATCH bodies
//! have GitHub's shape.
use scim::patch::{Op, Operation, PatchRequest};
use scim::query::{percent_encode, EqFilter, FilterAttribute, ListQuery};
use serde_json::{json, Value};

#[test]
fn each_attribute_makes_an_eq_expression() {
    let cases = [
        (FilterAttribute::Id, "id eq \"x\""),
        (FilterAttribute::UserName, "userName eq \"x\""),
        (FilterAttribute::Emails, "emails eq \"x\""),
        (FilterAttribute::ExternalId, "externalId eq \"x\""),
    ];
    for (attribute, expected) in cases {
        assert_eq!(EqFilter::new(attribute, "x").expression(), expected);
    }
}

#[test]
fn quotes_backslashes_and_controls_cannot_escape_the_value() {
    let hostile = r#"a" or userName eq "b\"#;
    let expression = EqFilter::new(FilterAttribute::UserName, hostile).expression();
    assert_eq!(expression, r#"userName eq "a\" or userName eq \"b\\""#);
    let with_newline = EqFilter::new(FilterAttribute::UserName, "a\nb\u{1}").expression();
    assert_eq!(with_newline, r#"userName eq "a\nb\u0001""#);
}

#[test]
fn the_query_string_is_percent_encoded() {
    let query = ListQuery::lookup(EqFilter::new(FilterAttribute::Emails, "zoë+1@example.com"));
    assert_eq!(
        query.to_query_string(),
        "startIndex=1&count=100&filter=emails%20eq%20%22zo%C3%AB%2B1%40example.com%22"
    );
    assert_eq!(
        ListQuery::page(0, 50).to_query_string(),
        "startIndex=1&count=50"
    );
    assert_eq!(percent_encode("a&b=c#d"), "a%26b%3Dc%23d");
}

#[test]
fn patch_requests_have_the_schema_and_capital_operations() {
    let mut patch = PatchRequest::default().replace("displayName", "Zoë");
    patch.operations.push(Operation {
        op: Op::Add,
        path: Some("emails".into()),
        value: Some(json!([{"value": "z@example.com", "type": "home"}])),
    });
    let patch = patch.remove("externalId");
    let body: Value = serde_json::from_str(&patch.to_json()).unwrap();
    assert_eq!(
        body,
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [
                {"op": "replace", "path": "displayName", "value": "Zoë"},
                {"op": "add", "path": "emails", "value": [{"value": "z@example.com", "type": "home"}]},
                {"op": "remove", "path": "externalId"}
            ]
        })
    );
}
