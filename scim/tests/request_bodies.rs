//! POST/PUT bodies and error bodies, both ways: what one side writes, the other reads the same.
use scim::provision::UserRequest;
use scim::{BasicError, ErrorBody, RequestBody, ScimError, ScimType};
use serde_json::json;

fn read(body: serde_json::Value) -> Result<UserRequest, String> {
    UserRequest::from_json(body.to_string().as_bytes()).map_err(|e| {
        assert_eq!((e.status, e.scim_type), (400, Some(ScimType::InvalidValue)));
        e.detail
    })
}

fn valid() -> serde_json::Value {
    json!({
        "schemas": [scim::USER_SCHEMA],
        "userName": "zoe@example.com",
        "name": {"givenName": "Zoë", "familyName": "Ångström"},
        "emails": [{"value": "zoe@example.com", "primary": true, "type": "work"}],
        "groups": [],
        "active": true,
        "roles": [{"value": "ignored"}]
    })
}

#[test]
fn a_valid_body_is_read_with_defaults_for_what_is_absent() {
    let mut body = valid();
    body.as_object_mut().unwrap().remove("active");
    let request = read(body).unwrap();
    assert_eq!(request.user_name, "zoe@example.com");
    assert!(request.active, "active defaults to true");
    assert_eq!((request.display_name, request.external_id), (None, None));
}

#[test]
fn each_broken_field_is_named_in_the_detail() {
    let cases = [
        ("/userName", json!(null), "`userName` is required"),
        ("/userName", json!("  "), "`userName` must not be empty"),
        (
            "/name/familyName",
            json!(3),
            "`name.familyName` must be a string",
        ),
        (
            "/emails",
            json!([]),
            "`emails` must contain at least one email",
        ),
        (
            "/emails/0/primary",
            json!("yes"),
            "`emails[0].primary` must be a boolean",
        ),
        ("/groups", json!("admins"), "`groups` must be an array"),
        ("/active", json!("true"), "`active` must be a boolean"),
    ];
    for (pointer, value, expected) in cases {
        let mut body = valid();
        *body.pointer_mut(pointer).unwrap() = value;
        let detail = read(body).unwrap_err();
        assert!(detail.contains(expected), "{pointer}: {detail}");
    }
    assert!(read(json!([1])).unwrap_err().contains("JSON object"));
    let syntax = UserRequest::from_json(b"{\"userName\": ").unwrap_err();
    assert_eq!(syntax.scim_type, Some(ScimType::InvalidSyntax));
}

#[test]
fn error_bodies_the_emulator_writes_are_what_the_console_reads() {
    let scim = ScimError::bad_request(ScimType::InvalidFilter, "Only `eq`");
    let decoded = ErrorBody::from_json(&serde_json::to_string(&scim).unwrap()).unwrap();
    assert_eq!(decoded.status, Some(400));
    assert_eq!(decoded.scim_type.as_deref(), Some("invalidFilter"));
    assert_eq!(decoded.text(), Some("Only `eq`"));
    assert_eq!(decoded.schemas, [scim::ERROR_SCHEMA]);

    let basic = BasicError::new(401, "Bad credentials", "https://docs.github.com/rest");
    let text = serde_json::to_string(&basic).unwrap();
    assert!(
        text.contains(r#""status":"401""#),
        "basic-error's status is a string: {text}"
    );
    let decoded = ErrorBody::from_json(&text).unwrap();
    assert_eq!(
        (decoded.status, decoded.text()),
        (Some(401), Some("Bad credentials"))
    );
}

/// Properties run natively only: proptest needs an OS random source, which wasm32 lacks.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use scim::provision::RequestName;
    use scim::Email;

    fn text() -> impl Strategy<Value = String> {
        any::<String>().prop_filter("non-blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #[test]
        fn what_the_console_builds_the_emulator_reads_back(
            user_name in text(),
            given in text(),
            family in text(),
            emails in prop::collection::vec(text(), 1..4),
            external_id in proptest::option::of(any::<String>()),
            display_name in proptest::option::of(any::<String>()),
        ) {
            let emails = emails
                .into_iter()
                .enumerate()
                .map(|(i, value)| Email { value, primary: i == 0, kind: Some("work".into()) })
                .collect();
            let name = RequestName { given_name: given, family_name: family, formatted: None };
            let built = UserRequest::new(user_name, name, emails, external_id, display_name);
            prop_assert_eq!(UserRequest::from_json(built.to_json().as_bytes()), Ok(built));
        }
    }
}
