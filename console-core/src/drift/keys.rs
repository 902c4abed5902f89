//! How the review compares names from different sources, in one place:
//! - logins case-insensitively, ASCII only: GitHub usernames "may only contain alphanumeric
//!   characters or single hyphens" (its sign-up rule) and name one account whatever the case
//!   (`github.com/OctoCat` is octocat's profile); REST and GraphQL both send the account's own
//!   casing, so this mostly matters for values typed by hand;
//! - SCIM `userName` case-insensitively: RFC 7643 §8.7.1 declares it `"caseExact": false`, and
//!   GitHub refuses a second identity whose userName differs only in case (the emulator does
//!   the same);
//! - emails case-insensitively: the domain is case-insensitive (RFC 5321 §2.4) and, although a
//!   local part may in theory be case-sensitive, mail providers and IdPs treat `Ana@X.example`
//!   and `ana@x.example` as one mailbox, and IdPs do send both spellings;
//! - given + family name case-insensitively with spaces collapsed, only as a last resort.
//!
//! A NameID and a userName are compared exactly (a case-only difference is shown, apart).
use std::borrow::Cow;

/// The key a login is compared by; borrowed when the login already is one (the usual case),
/// so a look-up allocates nothing.
pub fn login(login: &str) -> Cow<'_, str> {
    let login = trim(login);
    match login.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(login.to_ascii_lowercase()),
        false => Cow::Borrowed(login),
    }
}

pub fn same_login(a: &str, b: &str) -> bool {
    trim(a).eq_ignore_ascii_case(trim(b))
}

/// The key a SCIM userName is compared by; `None` when empty.
pub fn user_name(value: &str) -> Option<Cow<'_, str>> {
    let value = trim(value);
    (!value.is_empty()).then(|| lower(value))
}

/// The key an email is compared by; `None` when it is not one.
pub fn email(value: &str) -> Option<Cow<'_, str>> {
    let value = trim(value);
    (value.contains('@') && value.len() > 2).then(|| lower(value))
}

/// `str::trim`, without its per-character work when neither end is white space (the usual
/// case: it ran on every look-up and was a tenth of a review's time).
pub fn trim(value: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace());
    let bytes = value.as_bytes();
    match plain(bytes.first()) && plain(bytes.last()) {
        true => value,
        false => value.trim(),
    }
}

/// Lower-cased (Unicode), borrowed when it already is.
fn lower(value: &str) -> Cow<'_, str> {
    if value.is_ascii() {
        return match value.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(value.to_ascii_lowercase()),
            false => Cow::Borrowed(value),
        };
    }
    let unchanged = |c: char| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    };
    match value.chars().all(unchanged) {
        true => Cow::Borrowed(value),
        false => Cow::Owned(value.to_lowercase()),
    }
}

/// The key a person's name is compared by: "given family", lower-cased, spaces collapsed;
/// `None` unless both parts are present.
pub fn full_name(given: Option<&str>, family: Option<&str>) -> Option<String> {
    let (given, family) = (given?.trim(), family?.trim());
    if given.is_empty() || family.is_empty() {
        return None;
    }
    display_name(&format!("{given} {family}"))
}

/// A free-form display name (a GitHub profile's `name`) as a [`full_name`] key: it needs two
/// words to say anything about a person.
pub fn display_name(name: &str) -> Option<String> {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    (words.len() >= 2).then(|| words.join(" "))
}

/// Whether two values differ only in letter case.
pub fn case_only_difference(a: &str, b: &str) -> bool {
    a != b && lower(a) == lower(b)
}

/// An optional, possibly empty value as a present one (trimmed: what joins and compares).
pub fn present(value: Option<&str>) -> Option<&str> {
    value.map(trim).filter(|v| !v.is_empty())
}

/// An optional, possibly blank value as the owner must see it: exactly as GitHub holds it
/// (spaces around a userName are part of it), or none when blank.
pub fn shown(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !trim(v).is_empty())
}
