//! What a save sends: only the changes the owner made. The forms show a few attributes of an
//! identity; the body of a write is built from the identity exactly as GitHub sent it (its JSON,
//! so attributes this console does not model survive too), with only the values the owner
//! changed written over it. A form saved as it was shown sends nothing.
use serde_json::{Map, Value};

use crate::form::{FieldError, IdentityInput};

/// What the owner reads when a save had nothing to send.
pub const NO_CHANGE: &str = "No change: nothing was sent.";

/// What a save of a form comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Save {
    /// The form holds what it was shown with: nothing is sent.
    NoChange,
    /// The body to send.
    Send(Value),
}

/// The form's values as shown for an identity (GitHub's JSON): the primary email first, then
/// the others in GitHub's order, as the form makes its first email the primary one.
pub fn shown(user: &Value) -> IdentityInput {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
    let name = user.get("name");
    IdentityInput {
        user_name: text(user.get("userName")),
        given_name: text(name.and_then(|n| n.get("givenName"))),
        family_name: text(name.and_then(|n| n.get("familyName"))),
        display_name: text(user.get("displayName")),
        external_id: text(user.get("externalId")),
        emails: email_lines(emails_of(user)),
    }
}

/// The emails one per line, the primary one first, each exactly as GitHub has it.
pub fn email_lines(emails: &[Value]) -> Vec<String> {
    let raw = |e: &Value| e.get("value").and_then(Value::as_str).map(str::to_owned);
    shown_order(emails).into_iter().filter_map(raw).collect()
}

/// The emails in the order the form shows them.
fn shown_order(emails: &[Value]) -> Vec<&Value> {
    let primary = emails.iter().filter(|e| is_primary(e));
    primary
        .chain(emails.iter().filter(|e| !is_primary(e)))
        .collect()
}

fn value_of(email: &Value) -> Option<&str> {
    email.get("value").and_then(Value::as_str).map(str::trim)
}

/// The `emails` to send after the owner edited the lines, or `None` when they are the lines
/// shown. An email kept keeps its object as GitHub sent it (type, display, anything else); only
/// `primary` follows the form's rule (the first line is primary). A line is the email with the
/// same value, else the same value in another case, else the unused email the form showed on
/// that line (a typo fixed in place); anything else is a new work email.
pub fn emails_after(original: &[Value], lines: &[String]) -> Option<Vec<Value>> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    // Compared as the form sends them: trimmed (a space GitHub stored is no change).
    let shown = email_lines(original);
    let shown = shown.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    if lines.iter().copied().eq(shown) {
        return None;
    }
    let mut unused: Vec<Option<&Value>> = shown_order(original).into_iter().map(Some).collect();
    let mut taken: Vec<Option<&Value>> = lines.iter().map(|_| None).collect();
    let rules: [fn(&str, &str) -> bool; 2] = [|a, b| a == b, |a, b| a.eq_ignore_ascii_case(b)];
    for same in rules {
        for (line, slot) in lines.iter().zip(taken.iter_mut()) {
            if slot.is_none() {
                let found = unused
                    .iter_mut()
                    .find(|u| u.and_then(value_of).is_some_and(|v| same(v, line)));
                *slot = found.and_then(Option::take);
            }
        }
    }
    let emails = lines
        .iter()
        .zip(taken)
        .enumerate()
        .map(|(i, (line, kept))| {
            let in_place = || unused.get_mut(i).and_then(Option::take);
            match kept.or_else(in_place) {
                Some(email) => with_value(with_primary(email.clone(), i == 0), line),
                None => serde_json::json!({"value": line, "primary": i == 0, "type": "work"}),
            }
        });
    Some(emails.collect())
}

/// The PUT body after the owner edited the full form, checked by the form's rules first.
pub fn replacement(original: &Value, edited: &IdentityInput) -> Result<Save, Vec<FieldError>> {
    edited.validate()?;
    let before = shown(original);
    let mut body = original.as_object().cloned().unwrap_or_default();
    // Set by GitHub alone: sending them back changes nothing and asks for a refusal.
    body.remove("id");
    body.remove("meta");
    let mut changed = false;
    let mut set = |key: &str, was: &str, now: &str, target: &mut Map<String, Value>| {
        if was.trim() != now.trim() {
            changed = true;
            match now.trim() {
                "" => target.remove(key),
                value => target.insert(key.to_owned(), Value::String(value.to_owned())),
            };
        }
    };
    set("userName", &before.user_name, &edited.user_name, &mut body);
    set(
        "displayName",
        &before.display_name,
        &edited.display_name,
        &mut body,
    );
    set(
        "externalId",
        &before.external_id,
        &edited.external_id,
        &mut body,
    );
    let mut name = body
        .get("name")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    set(
        "givenName",
        &before.given_name,
        &edited.given_name,
        &mut name,
    );
    set(
        "familyName",
        &before.family_name,
        &edited.family_name,
        &mut name,
    );
    body.insert("name".to_owned(), Value::Object(name));
    if let Some(emails) = emails_after(emails_of(original), &edited.emails) {
        changed = true;
        body.insert("emails".to_owned(), Value::Array(emails));
    }
    Ok(if changed {
        Save::Send(Value::Object(body))
    } else {
        Save::NoChange
    })
}

fn emails_of(user: &Value) -> &[Value] {
    user.get("emails")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn is_primary(email: &Value) -> bool {
    email.get("primary").and_then(Value::as_bool) == Some(true)
}

/// The email with the value the owner typed (unchanged when it was already that).
fn with_value(mut email: Value, line: &str) -> Value {
    if value_of(&email) != Some(line) {
        if let Some(object) = email.as_object_mut() {
            object.insert("value".to_owned(), Value::String(line.to_owned()));
        }
    }
    email
}

/// The email with `primary` as the form says, written only where it differs (an absent
/// `primary` already means false).
fn with_primary(mut email: Value, primary: bool) -> Value {
    if is_primary(&email) != primary {
        if let Some(object) = email.as_object_mut() {
            object.insert("primary".to_owned(), Value::Bool(primary));
        }
    }
    email
}
