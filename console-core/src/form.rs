//! The identity form's input, validated with the API's rules (plus a well-formed email) into
//! the body of a POST or PUT. Every problem is reported against its field, all at once.
use scim::provision::{RequestName, UserRequest};
use scim::Email;

/// The longest value accepted for one field; GitHub documents none, and nothing real is longer.
pub const MAX_FIELD_CHARS: usize = 1_024;

/// What an owner types; emails one per entry, the first is primary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdentityInput {
    pub user_name: String,
    pub given_name: String,
    pub family_name: String,
    pub display_name: String,
    pub external_id: String,
    pub emails: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The SCIM attribute: `userName`, `name.givenName`, `emails[1]`, …
    pub field: String,
    pub message: String,
}

impl IdentityInput {
    pub fn validate(&self) -> Result<UserRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut required = |field: &str, value: &str, what: &str| {
            let value = value.trim();
            if value.is_empty() {
                errors.push(error(field, &format!("Enter {what}.")));
            } else if value.chars().count() > MAX_FIELD_CHARS {
                errors.push(error(
                    field,
                    &format!("At most {MAX_FIELD_CHARS} characters."),
                ));
            }
            value.to_owned()
        };
        let user_name = required(
            "userName",
            &self.user_name,
            "the userName (the SAML NameID)",
        );
        let given_name = required("name.givenName", &self.given_name, "a given name");
        let family_name = required("name.familyName", &self.family_name, "a family name");
        let optional = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        for (field, value) in [
            ("displayName", &self.display_name),
            ("externalId", &self.external_id),
        ] {
            if value.trim().chars().count() > MAX_FIELD_CHARS {
                errors.push(error(
                    field,
                    &format!("At most {MAX_FIELD_CHARS} characters."),
                ));
            }
        }
        let emails: Vec<&str> = self
            .emails
            .iter()
            .map(|e| e.trim())
            .filter(|e| !e.is_empty())
            .collect();
        if emails.is_empty() {
            errors.push(error("emails", "Enter at least one email."));
        }
        for (i, email) in emails.iter().enumerate() {
            if let Some(problem) = email_problem(email) {
                errors.push(error(&format!("emails[{i}]"), problem));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(UserRequest::new(
            user_name,
            RequestName {
                given_name,
                family_name,
                formatted: None,
            },
            emails
                .iter()
                .enumerate()
                .map(|(i, e)| Email {
                    value: (*e).to_owned(),
                    primary: i == 0,
                    kind: Some("work".to_owned()),
                })
                .collect(),
            optional(&self.external_id),
            optional(&self.display_name),
        ))
    }
}

fn error(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        message: message.to_owned(),
    }
}

/// Why a value cannot be looked up, or `None`: nothing GitHub keeps is longer than a field may
/// be, and the value would travel in the URL (a megabyte of it is refused by the server, or
/// not sent at all by the browser), so it is refused before anything is sent.
pub fn lookup_problem(value: &str) -> Option<String> {
    (value.chars().count() > MAX_FIELD_CHARS)
        .then(|| format!("a value to look up has at most {MAX_FIELD_CHARS} characters"))
}

/// Why `email` is not a well-formed address (`local@domain.tld`), if it is not.
pub fn email_problem(email: &str) -> Option<&'static str> {
    if email.chars().count() > 254 {
        return Some("An email address has at most 254 characters.");
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("An email address has no spaces.");
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Some("An email address needs an @, as in name@example.com.");
    };
    if local.contains('@') {
        return Some("An email address has one @ only, as in name@example.com.");
    }
    if local.is_empty() {
        return Some("Put a name before the @, as in name@example.com.");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
    {
        return Some("The part after the @ must be a domain, as in example.com.");
    }
    None
}
