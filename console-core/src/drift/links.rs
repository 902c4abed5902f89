//! Every URL and API path the review's actions use, built in one place from percent-encoded
//! path segments. A segment that is empty, `.` or `..` is refused rather than encoded: a
//! browser (and the URL standard) resolves `..` and its encoded forms `%2e%2e` as "up one",
//! so no encoding makes it a safe name. GitHub logins never look like that.
use scim::query::percent_encode;

/// One path segment: everything but RFC 3986 unreserved characters percent-encoded.
pub fn segment(value: &str) -> Option<String> {
    match value {
        "" | "." | ".." => None,
        _ => Some(percent_encode(value)),
    }
}

/// The member's SAML page, where a linked identity, SAML sessions and credentials are revoked
/// by hand (no API exists for the first two; contract §4).
pub fn sso_page(org: &str, login: &str) -> Option<String> {
    Some(format!(
        "https://github.com/orgs/{}/people/{}/sso",
        segment(org)?,
        segment(login)?
    ))
}

/// `DELETE /orgs/{org}/members/{username}` (contract §1.3).
pub fn member_path(org: &str, login: &str) -> Option<String> {
    Some(format!(
        "/orgs/{}/members/{}",
        segment(org)?,
        segment(login)?
    ))
}

/// `DELETE /orgs/{org}/invitations/{invitation_id}` (contract §1.9).
pub fn invitation_path(org: &str, invitation_id: u64) -> Option<String> {
    Some(format!(
        "/orgs/{}/invitations/{invitation_id}",
        segment(org)?
    ))
}

/// `DELETE /scim/v2/organizations/{org}/Users/{scim_user_id}` (contract §1.9, NOTES).
pub fn scim_user_path(org: &str, scim_user_id: &str) -> Option<String> {
    Some(format!(
        "/scim/v2/organizations/{}/Users/{}",
        segment(org)?,
        segment(scim_user_id)?
    ))
}

/// `DELETE /orgs/{org}/credential-authorizations/{credential_id}` (contract §1.6).
pub fn credential_path(org: &str, credential_id: u64) -> Option<String> {
    Some(format!(
        "/orgs/{}/credential-authorizations/{credential_id}",
        segment(org)?
    ))
}

/// `GET /orgs/{org}/memberships/{username}` (contract §1.4): how a removal is confirmed.
pub fn membership_path(org: &str, login: &str) -> Option<String> {
    Some(format!(
        "/orgs/{}/memberships/{}",
        segment(org)?,
        segment(login)?
    ))
}

/// `GET /orgs/{org}/{list}` for a REST list (`members`, `invitations`, …), with `query` (already
/// encoded, may be empty). Page parameters are the pager's.
pub fn list_path(org: &str, list: &str, query: &str) -> Option<String> {
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    Some(format!("/orgs/{}/{list}{query}", segment(org)?))
}
