//! PATCH applied with GitHub's documented semantics (RFC 7644 §3.5.2): add / remove / replace,
//! with and without `path`, Entra ID's capitalised ops and dotted keys, filtered paths refused,
//! `add` on a multi-valued attribute appending. Examples first, then properties.
use scim::patch::PatchRequest;
use scim::provision::UserRequest;
use scim::{Email, Meta, Name, RequestBody, ScimError, ScimType, ScimUser};
use serde_json::{json, Value};

fn user() -> ScimUser {
    ScimUser {
        schemas: vec![scim::USER_SCHEMA.into()],
        id: "u-1".into(),
        external_id: Some("ext-1".into()),
        user_name: Some("pat@example.com".into()),
        profile_url: None,
        display_name: Some("Pat".into()),
        name: Some(Name {
            given_name: Some("Pat".into()),
            family_name: Some("Ångström".into()),
            formatted: None,
        }),
        emails: vec![Email {
            value: "pat@example.com".into(),
            primary: true,
            kind: Some("work".into()),
        }],
        active: true,
        meta: Meta::default(),
        groups: Vec::new(),
    }
}

/// The identity as the PUT body that would store it unchanged.
fn unchanged() -> UserRequest {
    apply(json!([{"op": "replace", "value": {}}])).unwrap()
}

fn apply(operations: Value) -> Result<UserRequest, ScimError> {
    let body = json!({"schemas": [scim::patch::PATCH_SCHEMA], "Operations": operations});
    PatchRequest::from_json(body.to_string().as_bytes())?.apply(&user())
}

fn refused(operations: Value) -> ScimType {
    let error = apply(operations.clone()).expect_err("refused");
    assert_eq!(error.status, 400, "{operations}");
    error.scim_type.expect("a scimType")
}

#[test]
fn replace_with_a_path_and_with_an_entra_style_value() {
    let pathed = apply(json!([{"op": "replace", "path": "displayName", "value": "Pat Q"}]));
    assert_eq!(pathed.unwrap().display_name.as_deref(), Some("Pat Q"));
    let entra = apply(
        json!([{"op": "Replace", "value": {"name.givenName": "Patricia", "externalId": "e-2"}}]),
    )
    .unwrap();
    assert_eq!(
        (
            entra.name.given_name.as_str(),
            entra.name.family_name.as_str()
        ),
        ("Patricia", "Ångström")
    );
    assert_eq!(entra.external_id.as_deref(), Some("e-2"));
}

#[test]
fn replace_on_name_changes_only_the_parts_given() {
    let changed = apply(json!([{"op": "replace", "path": "name", "value": {"givenName": "P"}}]));
    let name = changed.unwrap().name;
    assert_eq!(
        (name.given_name.as_str(), name.family_name.as_str()),
        ("P", "Ångström")
    );
}

#[test]
fn the_user_schema_urn_may_prefix_a_path() {
    let path = format!("{}:displayName", scim::USER_SCHEMA);
    let changed = apply(json!([{"op": "replace", "path": path, "value": "Full"}]));
    assert_eq!(changed.unwrap().display_name.as_deref(), Some("Full"));
}

#[test]
fn add_appends_emails_and_a_new_primary_takes_over() {
    let added = apply(json!([{"op": "add", "path": "emails",
        "value": [{"value": "pat@home.example", "type": "home", "primary": true}]}]))
    .unwrap();
    let emails: Vec<(&str, bool)> = added
        .emails
        .iter()
        .map(|e| (e.value.as_str(), e.primary))
        .collect();
    assert_eq!(
        emails,
        [("pat@example.com", false), ("pat@home.example", true)]
    );
    let again =
        apply(json!([{"op": "add", "path": "emails", "value": {"value": "pat@example.com"}}]));
    assert_eq!(
        again.unwrap().emails,
        unchanged().emails,
        "a value already there is not added"
    );
}

#[test]
fn remove_drops_an_attribute_and_a_required_one_is_refused_whole() {
    let removed = apply(json!([{"op": "remove", "path": "displayName"}])).unwrap();
    assert_eq!(removed.display_name, None);
    let broken = apply(json!([
        {"op": "replace", "path": "displayName", "value": "Half applied?"},
        {"op": "remove", "path": "userName"}
    ]))
    .unwrap_err();
    assert_eq!(broken.scim_type, Some(ScimType::InvalidValue));
    assert!(
        broken.detail.contains("`userName` is required"),
        "{}",
        broken.detail
    );
}

#[test]
fn bad_operations_name_what_is_wrong() {
    let filtered =
        json!([{"op": "replace", "path": "emails[type eq \"work\"].value", "value": "x@y.z"}]);
    assert_eq!(refused(filtered), ScimType::InvalidPath);
    assert_eq!(
        refused(json!([{"op": "replace", "path": "title", "value": "CEO"}])),
        ScimType::InvalidPath
    );
    assert_eq!(
        refused(json!([{"op": "replace", "path": "name.middleName", "value": "Q"}])),
        ScimType::InvalidPath
    );
    assert_eq!(
        refused(json!([{"op": "move", "path": "displayName", "value": "x"}])),
        ScimType::InvalidSyntax
    );
    assert_eq!(refused(json!([{"op": "remove"}])), ScimType::NoTarget);
    assert_eq!(
        refused(json!([{"op": "replace", "value": "not an object"}])),
        ScimType::InvalidValue
    );
    assert_eq!(
        refused(json!([{"op": "replace", "path": "active", "value": "False"}])),
        ScimType::InvalidValue
    );
    assert_eq!(refused(json!([])), ScimType::InvalidSyntax);
    let not_json = PatchRequest::from_json(b"{\"Operations\": [").unwrap_err();
    assert_eq!(not_json.scim_type, Some(ScimType::InvalidSyntax));
}

/// Properties run natively only: proptest needs an OS random source, which wasm32 lacks.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            any::<char>(),
            prop::sample::select(vec![
                '"', '\\', '\n', '\t', '\0', 'é', '漢', '😀', ' ', '.', '['
            ])
        ];
        prop::collection::vec(c, 1..24)
            .prop_map(String::from_iter)
            .prop_filter("GitHub refuses blank values", |s| !s.trim().is_empty())
    }

    /// Any casing of an op name, as IdPs send them.
    fn cased(op: &'static str) -> impl Strategy<Value = String> {
        prop::collection::vec(any::<bool>(), op.len()).prop_map(move |upper| {
            op.chars()
                .zip(upper)
                .map(|(c, u)| if u { c.to_ascii_uppercase() } else { c })
                .collect()
        })
    }

    /// Single-valued string attributes a PATCH may set, and where each lands in the PUT body.
    const STRINGS: [&str; 6] = [
        "userName",
        "displayName",
        "externalId",
        "name.givenName",
        "name.familyName",
        "name.formatted",
    ];

    fn with(mut request: UserRequest, attribute: &str, value: &str) -> UserRequest {
        let v = value.to_owned();
        match attribute {
            "userName" => request.user_name = v,
            "displayName" => request.display_name = Some(v),
            "externalId" => request.external_id = Some(v),
            "name.givenName" => request.name.given_name = v,
            "name.familyName" => request.name.family_name = v,
            _ => request.name.formatted = Some(v),
        }
        request
    }

    fn email() -> impl Strategy<Value = (String, bool)> {
        ("[a-z]{1,8}@[a-z]{1,8}\\.example", any::<bool>())
    }

    proptest! {
        #[test]
        fn add_or_replace_sets_one_attribute_and_nothing_else(
            attribute in prop::sample::select(STRINGS.to_vec()),
            op in prop_oneof![cased("add"), cased("replace")],
            value in text(),
        ) {
            let pathed = apply(json!([{"op": op, "path": attribute, "value": value}]));
            prop_assert_eq!(pathed, Ok(with(unchanged(), attribute, &value)));
        }

        #[test]
        fn without_a_path_each_key_is_a_path(
            attribute in prop::sample::select(STRINGS.to_vec()),
            op in prop_oneof![Just("add"), Just("replace")],
            value in text(),
        ) {
            let pathed = apply(json!([{"op": op, "path": attribute, "value": value}]));
            let unpathed = apply(json!([{"op": op, "value": {attribute: value}}]));
            prop_assert_eq!(pathed, unpathed);
        }

        #[test]
        fn add_on_emails_appends_in_order_with_one_primary(
            additions in prop::collection::vec(email(), 1..5),
            op in cased("add"),
        ) {
            let value: Vec<Value> = additions
                .iter()
                .map(|(v, primary)| json!({"value": v, "primary": primary, "type": "work"}))
                .collect();
            let added = apply(json!([{"op": op, "path": "emails", "value": value}])).unwrap();
            let mut expected = unchanged().emails;
            for (value, primary) in &additions {
                if expected.iter().any(|e| &e.value == value) {
                    continue;
                }
                if *primary {
                    expected.iter_mut().for_each(|e| e.primary = false);
                }
                expected.push(Email { value: value.clone(), primary: *primary, kind: Some("work".into()) });
            }
            prop_assert_eq!(added.emails, expected);
        }

        #[test]
        fn replace_on_emails_is_the_list_given(additions in prop::collection::vec(email(), 1..5)) {
            let value: Vec<Value> = additions
                .iter()
                .map(|(v, primary)| json!({"value": v, "primary": primary}))
                .collect();
            let replaced = apply(json!([{"op": "replace", "path": "emails", "value": value}])).unwrap();
            let got: Vec<(String, bool)> = replaced.emails.into_iter().map(|e| (e.value, e.primary)).collect();
            prop_assert_eq!(got, additions);
        }

        #[test]
        fn replace_twice_is_replace_once(attribute in prop::sample::select(STRINGS.to_vec()), value in text()) {
            let once = json!({"op": "replace", "path": attribute, "value": value});
            prop_assert_eq!(apply(json!([once.clone(), once.clone()])), apply(json!([once])));
        }

        #[test]
        fn filtered_paths_are_refused_for_every_op(
            op in prop_oneof![cased("add"), cased("remove"), cased("replace")],
            attribute in prop::sample::select(vec!["emails", "groups", "userName", "name"]),
            filter in text(),
        ) {
            let path = format!("{attribute}[{filter}]");
            let error = apply(json!([{"op": op, "path": path, "value": "x"}])).unwrap_err();
            prop_assert_eq!(error.scim_type, Some(ScimType::InvalidPath));
        }

        #[test]
        fn remove_clears_optional_attributes_and_refuses_required_ones(
            attribute in prop::sample::select(vec![
                "displayName", "externalId", "name.formatted", "groups",
                "userName", "emails", "name", "name.givenName", "name.familyName",
            ]),
            op in cased("remove"),
        ) {
            let result = apply(json!([{"op": op, "path": attribute}]));
            let mut expected = unchanged();
            match attribute {
                "displayName" => expected.display_name = None,
                "externalId" => expected.external_id = None,
                "name.formatted" => expected.name.formatted = None,
                "groups" => expected.groups.clear(),
                _ => {
                    prop_assert_eq!(result.unwrap_err().scim_type, Some(ScimType::InvalidValue));
                    return Ok(());
                }
            }
            prop_assert_eq!(result, Ok(expected));
        }
    }
}
