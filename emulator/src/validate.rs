//! Validation of a POST or PUT body into the attributes a write may set. Each failure names
//! the field and what is wrong with it, as the `detail` of a 400 `invalidValue`.
use scim::{Email, Group, Name};
use serde_json::{Map, Value};

/// The attributes a client supplies; the emulator adds `id`, `meta` and linkage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInput {
    pub user_name: String,
    pub name: Name,
    pub emails: Vec<Email>,
    pub display_name: Option<String>,
    pub external_id: Option<String>,
    pub active: bool,
    pub groups: Vec<Group>,
}

pub fn user_input(body: &Value) -> Result<UserInput, String> {
    let object = body
        .as_object()
        .ok_or("The request body must be a JSON object (a SCIM User)")?;
    let name = object
        .get("name")
        .ok_or("`name` is required, with `givenName` and `familyName`")?
        .as_object()
        .ok_or("`name` must be an object with `givenName` and `familyName`")?;
    Ok(UserInput {
        user_name: required_string(object, "userName", "userName")?,
        name: Name {
            given_name: Some(required_string(name, "givenName", "name.givenName")?),
            family_name: Some(required_string(name, "familyName", "name.familyName")?),
            formatted: optional_string(name, "formatted", "name.formatted")?,
        },
        emails: emails(object.get("emails"))?,
        display_name: optional_string(object, "displayName", "displayName")?,
        external_id: optional_string(object, "externalId", "externalId")?,
        active: match object.get("active") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err("`active` must be a boolean".into()),
        },
        groups: match object.get("groups") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => serde_json::from_value(v.clone())
                .map_err(|_| "`groups` must be an array of {value, display} objects")?,
        },
    })
}

fn required_string(object: &Map<String, Value>, key: &str, field: &str) -> Result<String, String> {
    match object.get(key) {
        None | Some(Value::Null) => Err(format!("`{field}` is required")),
        Some(Value::String(s)) if s.trim().is_empty() => {
            Err(format!("`{field}` must not be empty"))
        }
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("`{field}` must be a string")),
    }
}

fn optional_string(
    object: &Map<String, Value>,
    key: &str,
    field: &str,
) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{field}` must be a string")),
    }
}

/// `emails`: at least one `{value, primary?, type?}`; `value` non-empty.
pub fn emails(value: Option<&Value>) -> Result<Vec<Email>, String> {
    let list = match value {
        None | Some(Value::Null) => {
            return Err("`emails` is required, with at least one email".into())
        }
        Some(Value::Array(list)) => list,
        Some(_) => return Err("`emails` must be an array of {value, primary, type}".into()),
    };
    if list.is_empty() {
        return Err("`emails` must contain at least one email".into());
    }
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            let field = format!("emails[{i}]");
            let object = item.as_object().ok_or(format!(
                "`{field}` must be an object {{value, primary, type}}"
            ))?;
            Ok(Email {
                value: required_string(object, "value", &format!("{field}.value"))?,
                primary: match object.get("primary") {
                    None | Some(Value::Null) => false,
                    Some(Value::Bool(b)) => *b,
                    Some(_) => return Err(format!("`{field}.primary` must be a boolean")),
                },
                kind: optional_string(object, "type", &format!("{field}.type"))?,
            })
        })
        .collect()
}
