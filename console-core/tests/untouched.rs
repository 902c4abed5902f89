//! A change the owner did not make is never sent: over identities with every optional
//! attribute (and some this console does not model), a form saved as shown sends nothing, and
//! a save that changes one value leaves every other attribute exactly as GitHub sent it.
#![cfg(not(target_arch = "wasm32"))] // proptest needs an OS random source, which wasm32 lacks.
use console_core::untouched::{email_lines, emails_after, replacement, shown, Save};
use proptest::prelude::*;
use serde_json::{json, Value};

fn email() -> impl Strategy<Value = (Option<&'static str>, bool, bool)> {
    let kind = prop::sample::select(vec![None, Some("work"), Some("home"), Some("other")]);
    (kind, any::<bool>(), any::<bool>())
}

/// An identity as GitHub could send it: optional attributes present or not, emails with any
/// type, primary on one or none, in any position, sub-attributes the console never shows.
fn identity() -> impl Strategy<Value = Value> {
    (
        "[a-z]{1,8}",
        prop::collection::vec(email(), 1..5),
        prop::option::of(0usize..4),
        prop::option::of("[A-Z][a-z]{0,8}( [A-Z][a-z]{0,5})?"),
        prop::option::of("[0-9a-f]{6}"),
        prop::option::of("[A-Za-z. ]{1,12}"),
        any::<bool>(),
    )
        .prop_map(
            |(user, emails, primary, display, external, formatted, extra)| {
                let emails: Vec<Value> = emails
                    .iter()
                    .enumerate()
                    .map(|(i, (kind, with_display, explicit_false))| {
                        let mut e = json!({ "value": format!("{user}{i}@example.com") });
                        if primary == Some(i) {
                            e["primary"] = json!(true);
                        } else if *explicit_false {
                            e["primary"] = json!(false);
                        }
                        if let Some(kind) = kind {
                            e["type"] = json!(kind);
                        }
                        if *with_display {
                            e["display"] = json!(format!("Mail {i}"));
                        }
                        e
                    })
                    .collect();
                let mut user = json!({
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "id": "5fc0c238-1112-11e8-8e45-920c87bdbd75",
                    "userName": format!("{user}@example.com"),
                    "name": { "givenName": "Given", "familyName": "Family" },
                    "emails": emails,
                    "active": true,
                    "groups": [{ "value": "g1", "display": "Group one" }],
                    "meta": { "resourceType": "User", "created": "2024-01-01T00:00:00Z" },
                });
                if let Some(d) = display {
                    user["displayName"] = json!(d);
                }
                if let Some(x) = external {
                    user["externalId"] = json!(x);
                }
                if let Some(f) = formatted {
                    user["name"]["formatted"] = json!(f);
                    user["name"]["middleName"] = json!("M");
                }
                if extra {
                    user["urn:example:extension"] = json!({ "costCenter": "42" });
                    user["profileUrl"] = json!("https://github.com/someone");
                }
                user
            },
        )
}

/// The identity as a PUT body carries it: GitHub's read-only `id` and `meta` left out.
fn writable(user: &Value) -> Value {
    let mut body = user.clone();
    if let Some(object) = body.as_object_mut() {
        object.remove("id");
        object.remove("meta");
    }
    body
}

fn emails(user: &Value) -> Vec<Value> {
    user["emails"].as_array().cloned().unwrap_or_default()
}

proptest! {
    #[test]
    fn a_form_saved_as_shown_sends_nothing(user in identity()) {
        prop_assert_eq!(replacement(&user, &shown(&user)), Ok(Save::NoChange));
        prop_assert_eq!(emails_after(&emails(&user), &email_lines(&emails(&user))), None);
    }

    #[test]
    fn changing_one_value_sends_the_rest_exactly_as_github_had_it(user in identity(), field in 0..5usize) {
        let mut edited = shown(&user);
        let mut expected = writable(&user);
        match field {
            0 => { edited.display_name = "Only This".into(); expected["displayName"] = json!("Only This"); }
            1 => { edited.given_name = "Newgiven".into(); expected["name"]["givenName"] = json!("Newgiven"); }
            2 => { edited.external_id = "ext-new".into(); expected["externalId"] = json!("ext-new"); }
            3 => { edited.user_name = "renamed@example.com".into(); expected["userName"] = json!("renamed@example.com"); }
            _ => {
                edited.display_name = String::new();
                if let Some(o) = expected.as_object_mut() { o.remove("displayName"); }
            }
        }
        let want = if expected == writable(&user) { Save::NoChange } else { Save::Send(expected) };
        prop_assert_eq!(replacement(&user, &edited), Ok(want));
    }

    #[test]
    fn an_added_email_keeps_every_other_email_object(user in identity()) {
        let before = emails(&user);
        let mut lines = email_lines(&before);
        lines.push("added@example.com".into());
        let after = emails_after(&before, &lines).unwrap_or_default();
        prop_assert_eq!(after.len(), before.len() + 1);
        let first = &lines[0];
        for email in &before {
            let value = email["value"].as_str().unwrap_or_default();
            let kept = after.iter().find(|e| e["value"] == email["value"]).cloned().unwrap_or_default();
            // Primary follows the form's rule (the first line); nothing else moves.
            let mut want = email.clone();
            if value == first && email["primary"] != json!(true) {
                want["primary"] = json!(true);
            }
            prop_assert_eq!(kept, want);
        }
        prop_assert_eq!(after.last(), Some(&json!({"value": "added@example.com", "primary": false, "type": "work"})));
    }
}

#[test]
fn the_reported_case_saving_emails_unchanged_keeps_the_home_email() {
    let original = vec![
        json!({"value": "olusegun.a7@acme.example", "primary": true, "type": "work"}),
        json!({"value": "olusegun7@personal.example", "primary": false, "type": "home"}),
    ];
    assert_eq!(emails_after(&original, &email_lines(&original)), None);
    let reordered = [
        "olusegun7@personal.example".to_owned(),
        "olusegun.a7@acme.example".to_owned(),
    ];
    assert_eq!(
        emails_after(&original, &reordered),
        Some(vec![
            json!({"value": "olusegun7@personal.example", "primary": true, "type": "home"}),
            json!({"value": "olusegun.a7@acme.example", "primary": false, "type": "work"}),
        ])
    );
}

#[test]
fn a_replacement_is_checked_by_the_form_rules_first() {
    let user = json!({"userName": "a@example.com", "name": {"givenName": "A", "familyName": "B"},
        "emails": [{"value": "a@example.com", "primary": true}], "active": true});
    let mut edited = shown(&user);
    edited.family_name = "  ".into();
    let errors = replacement(&user, &edited).err().unwrap_or_default();
    assert_eq!(
        errors.first().map(|e| e.field.as_str()),
        Some("name.familyName")
    );
}

/// Review of the change: fixing a typo in an email (or its case) in place kept nothing of it;
/// an email stored with spaces around it made an untouched list look changed.
#[test]
fn an_email_edited_in_place_keeps_its_type_and_a_stored_space_is_no_change() {
    let original = vec![
        json!({"value": "ana@acme.example", "primary": true, "type": "work"}),
        json!({"value": "ana@persnal.example", "type": "home", "display": "Home"}),
    ];
    let fixed = [
        "ana@acme.example".to_owned(),
        "Ana@Personal.example".to_owned(),
    ];
    assert_eq!(
        emails_after(&original, &fixed),
        Some(vec![
            original[0].clone(),
            json!({"value": "Ana@Personal.example", "type": "home", "display": "Home"}),
        ])
    );
    let spaced = vec![json!({"value": " ana@acme.example ", "primary": true, "type": "work"})];
    assert_eq!(emails_after(&spaced, &email_lines(&spaced)), None);
}
