//! GitHub's rules for a POST or PUT body. Each failure is a 400 `invalidValue` whose `detail`
//! names the field and what is wrong with it.
use serde_json::{Map, Value};

use super::{RequestName, UserRequest};
use crate::error::{ScimError, ScimType};
use crate::user::Email;

type Invalid = String;

impl UserRequest {
    /// Reads a decoded body; `schemas` and attributes GitHub does not store are ignored.
    pub fn from_value(body: &Value) -> Result<Self, ScimError> {
        user_request(body).map_err(|detail| ScimError::bad_request(ScimType::InvalidValue, detail))
    }
}

impl crate::RequestBody for UserRequest {
    fn from_json(bytes: &[u8]) -> Result<Self, ScimError> {
        Self::from_value(&crate::json_body(bytes)?)
    }
}

fn user_request(body: &Value) -> Result<UserRequest, Invalid> {
    let object = body
        .as_object()
        .ok_or("The request body must be a JSON object (a SCIM User)")?;
    let name = object
        .get("name")
        .ok_or("`name` is required, with `givenName` and `familyName`")?
        .as_object()
        .ok_or("`name` must be an object with `givenName` and `familyName`")?;
    let mut request = UserRequest::new(
        required_string(object, "userName", "userName")?,
        RequestName {
            given_name: required_string(name, "givenName", "name.givenName")?,
            family_name: required_string(name, "familyName", "name.familyName")?,
            formatted: optional_string(name, "formatted", "name.formatted")?,
        },
        emails(object.get("emails"))?,
        optional_string(object, "externalId", "externalId")?,
        optional_string(object, "displayName", "displayName")?,
    );
    request.active = match object.get("active") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err("`active` must be a boolean".into()),
    };
    request.groups = match object.get("groups") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|_| "`groups` must be an array of {value, display} objects")?,
    };
    Ok(request)
}

fn required_string(object: &Map<String, Value>, key: &str, field: &str) -> Result<String, Invalid> {
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
) -> Result<Option<String>, Invalid> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{field}` must be a string")),
    }
}

/// `emails`: at least one `{value, primary?, type?}`; `value` non-empty.
fn emails(value: Option<&Value>) -> Result<Vec<Email>, Invalid> {
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
