//! Provisioning input: one message per field, the API's rules plus a well-formed email.
use console_core::form::{email_problem, lookup_problem, IdentityInput, MAX_FIELD_CHARS};
use serde_json::{json, Value};

fn input() -> IdentityInput {
    IdentityInput {
        user_name: " zoe@example.com ".into(),
        given_name: "Zoë".into(),
        family_name: "Müller".into(),
        display_name: String::new(),
        external_id: "00u1".into(),
        emails: vec![
            "zoe@example.com".into(),
            "  ".into(),
            "z@home.example".into(),
        ],
    }
}

#[test]
fn valid_input_becomes_the_body_github_expects() {
    let body: Value = serde_json::from_str(&input().validate().unwrap().to_json()).unwrap();
    assert_eq!(
        body,
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "zoe@example.com",
            "externalId": "00u1",
            "name": {"givenName": "Zoë", "familyName": "Müller"},
            "emails": [
                {"value": "zoe@example.com", "primary": true, "type": "work"},
                {"value": "z@home.example", "primary": false, "type": "work"}
            ],
            "active": true
        })
    );
}

#[test]
fn every_problem_is_reported_against_its_field_at_once() {
    let bad = IdentityInput {
        user_name: "   ".into(),
        given_name: String::new(),
        family_name: "x".repeat(MAX_FIELD_CHARS + 1),
        display_name: String::new(),
        external_id: String::new(),
        emails: vec!["ok@example.com".into(), "not-an-email".into()],
    };
    let errors = bad.validate().unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["userName", "name.givenName", "name.familyName", "emails[1]"]
    );
    assert!(errors[2].message.contains("At most 1024"));
    let none = IdentityInput {
        emails: vec![],
        ..input()
    }
    .validate()
    .unwrap_err();
    assert_eq!(none[0].field, "emails");
}

#[test]
fn email_shapes() {
    for good in [
        "a@b.co",
        "first.last+tag@sub.example.org",
        "zoë@exämple.com",
    ] {
        assert_eq!(email_problem(good), None, "{good}");
    }
    for bad in [
        "", "a", "a@", "@b.co", "a@b", "a@b..co", "a b@c.co", "a@@b.co", "a@-b.co", "a@b.co\n",
    ] {
        assert!(email_problem(bad).is_some(), "{bad:?}");
    }
    assert!(email_problem(&format!("{}@example.com", "a".repeat(250))).is_some());
}

#[test]
fn lookup_values_up_to_a_field_long() {
    assert_eq!(lookup_problem("mona@example.com"), None);
    assert_eq!(
        lookup_problem(&"é".repeat(MAX_FIELD_CHARS)),
        None,
        "counted in characters"
    );
    let problem = lookup_problem(&"x".repeat(MAX_FIELD_CHARS + 1));
    assert_eq!(
        problem.as_deref(),
        Some("a value to look up has at most 1024 characters")
    );
    assert!(lookup_problem(&"<img>".repeat(1 << 18)).is_some());
}

/// Issue 23: "bad@@x" was told to "Put exactly one name before the @"; each problem is named
/// as it is, in a sentence that ends.
#[test]
fn each_malformed_email_is_told_what_is_wrong_with_it() {
    use console_core::form::email_problem;
    assert_eq!(
        email_problem("bad@@x"),
        Some("An email address has one @ only, as in name@example.com.")
    );
    assert_eq!(
        email_problem("@b.co"),
        Some("Put a name before the @, as in name@example.com.")
    );
    for bad in ["", "a", "a@", "a@b", "a b@c.co", "a@-b.co"] {
        let problem = email_problem(bad).unwrap_or_default();
        assert!(problem.ends_with('.'), "{bad:?}: {problem}");
        assert!(!problem.contains('`'), "{bad:?}: {problem}");
    }
}
