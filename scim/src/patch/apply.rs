//! PATCH semantics (RFC 7644 §3.5.2, as GitHub documents it): `add`, `remove` and `replace`,
//! with a `path` or with a `value` object of attributes (whose keys may be dotted paths, as
//! Entra ID sends them). A path with a filter (`emails[type eq "work"]`) is refused. `add` on
//! `emails` or `groups` appends; `add` and `replace` on `name` change only the sub-attributes
//! given. The result is validated as a whole like a PUT body, so a PATCH applies completely or
//! not at all.
use serde_json::{Map, Value};

use super::{Op, Operation, PatchRequest};
use crate::error::{ScimError, ScimType};
use crate::provision::UserRequest;
use crate::user::ScimUser;

/// The attributes a PATCH may change; `name` also by its parts.
const ATTRIBUTES: [&str; 7] = [
    "userName",
    "displayName",
    "externalId",
    "active",
    "emails",
    "groups",
    "name",
];
const NAME_PARTS: [&str; 3] = ["givenName", "familyName", "formatted"];
const MULTI_VALUED: [&str; 2] = ["emails", "groups"];

/// What a path names.
#[derive(Debug, Clone, Copy)]
enum Target {
    Attribute(&'static str),
    NamePart(&'static str),
}

impl PatchRequest {
    /// The identity after every operation, in order, as the PUT body that would store it.
    pub fn apply(&self, user: &ScimUser) -> Result<UserRequest, ScimError> {
        let mut attributes = match serde_json::to_value(user) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        };
        for operation in &self.operations {
            apply(&mut attributes, operation)?;
        }
        UserRequest::from_value(&Value::Object(attributes))
    }
}

fn bad(scim_type: ScimType, detail: impl Into<String>) -> ScimError {
    ScimError::bad_request(scim_type, detail)
}

fn apply(user: &mut Map<String, Value>, operation: &Operation) -> Result<(), ScimError> {
    let value = operation.value.clone().unwrap_or(Value::Null);
    match (&operation.path, operation.op) {
        (Some(path), op) => change(user, op, target(path)?, value),
        (None, Op::Remove) => Err(bad(ScimType::NoTarget, "`remove` needs a `path`")),
        (None, op) => {
            let Value::Object(attributes) = value else {
                return Err(bad(
                    ScimType::InvalidValue,
                    "Without `path`, `value` must be an object of attributes",
                ));
            };
            attributes
                .into_iter()
                .try_for_each(|(key, v)| change(user, op, target(&key)?, v))
        }
    }
}

/// Resolves a path, case-insensitively, with or without the User schema URN in front.
fn target(path: &str) -> Result<Target, ScimError> {
    if path.contains('[') {
        return Err(bad(ScimType::InvalidPath, format!(
            "Filtered paths such as `{path}` are not supported: replace the whole `emails` list instead"
        )));
    }
    let prefix = format!("{}:", crate::USER_SCHEMA);
    let short = match path.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(&prefix) => &path[prefix.len()..],
        _ => path,
    };
    let find = |names: &[&'static str], wanted: &str| {
        names
            .iter()
            .copied()
            .find(|n| n.eq_ignore_ascii_case(wanted))
    };
    let found = match short.split_once('.') {
        None => find(&ATTRIBUTES, short).map(Target::Attribute),
        Some((head, part)) if head.eq_ignore_ascii_case("name") => {
            find(&NAME_PARTS, part).map(Target::NamePart)
        }
        Some(_) => None,
    };
    found.ok_or_else(|| bad(ScimType::InvalidPath, format!("Unsupported path `{path}`")))
}

fn change(
    user: &mut Map<String, Value>,
    op: Op,
    target: Target,
    value: Value,
) -> Result<(), ScimError> {
    match (op, target) {
        (Op::Remove, Target::Attribute(attribute)) => {
            user.remove(attribute);
        }
        (Op::Remove, Target::NamePart(part)) => {
            if let Some(Value::Object(name)) = user.get_mut("name") {
                name.remove(part);
            }
        }
        (_, Target::NamePart(part)) => {
            name_of(user)?.insert(part.to_owned(), value);
        }
        (_, Target::Attribute("name")) => match value {
            Value::Object(parts) => {
                for (part, v) in parts {
                    change(user, op, target_part(&part)?, v)?;
                }
            }
            // Not an object: stored as is, so validation says what `name` must be.
            other => {
                user.insert("name".to_owned(), other);
            }
        },
        (Op::Add, Target::Attribute(attribute)) if MULTI_VALUED.contains(&attribute) => {
            append(user, attribute, value);
        }
        (_, Target::Attribute(attribute)) => {
            user.insert(attribute.to_owned(), value);
        }
    }
    Ok(())
}

fn target_part(part: &str) -> Result<Target, ScimError> {
    target(&format!("name.{part}"))
}

fn name_of(user: &mut Map<String, Value>) -> Result<&mut Map<String, Value>, ScimError> {
    user.entry("name")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .ok_or_else(|| bad(ScimType::InvalidValue, "`name` must be an object"))
}

/// `add` on a multi-valued attribute: the values (an array, or one value) are appended, except
/// those whose `value` is already there (RFC 7644 §3.5.2.1); an added value marked primary makes
/// the others not primary (§3.5.2).
fn append(user: &mut Map<String, Value>, attribute: &str, value: Value) {
    let additions = match value {
        Value::Array(items) => items,
        single => vec![single],
    };
    let mut list = match user.remove(attribute) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    for item in additions {
        let key = item.get("value").filter(|v| !v.is_null());
        if key.is_some() && list.iter().any(|e| e.get("value") == key) {
            continue;
        }
        if item.get("primary") == Some(&Value::Bool(true)) {
            for other in list.iter_mut().filter_map(Value::as_object_mut) {
                other.insert("primary".to_owned(), Value::Bool(false));
            }
        }
        list.push(item);
    }
    user.insert(attribute.to_owned(), Value::Array(list));
}
