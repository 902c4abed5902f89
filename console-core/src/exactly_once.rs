//! Exactly once, per method: what the write path does after each answer so that no write is
//! performed twice and none is lost without a record. The fetch layer drives these decisions;
//! it also asks the gate before every attempt, and `retry::decide` retries only idempotent
//! methods after an ambiguous answer.
//!
//! | method | ambiguous answer (no answer, timeout, 5xx) | settled by |
//! |---|---|---|
//! | POST | never re-sent blindly: looked up by `userName` | a look-up before the POST found nothing, so an identity found afterwards with the values sent is this console's |
//! | PUT | retried (idempotent) | the answer |
//! | PATCH | never retried: outcome unknown | the owner |
//! | DELETE | retried (idempotent) | a 404 without `X-GitHub-SSO` is done only once a GET confirms the identity is gone |
use scim::provision::UserRequest;
use scim::ScimUser;

use crate::answer::Answer;

/// After a POST's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostNext {
    Created,
    /// Look the identity up by `userName`: the answer did not say whether it was created by us.
    LookUp,
    Failed,
}

/// After the look-up that followed a POST answered with `trigger`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostSettled {
    /// The identity exists with the values sent: this console created it.
    CreatedByUs,
    /// Not there: no attempt created it (yet); send once more.
    SendAgain,
    /// Someone else's identity, or a 409 on another attribute (`externalId`).
    Conflict,
    /// Two ambiguous attempts and still nothing: say so rather than try a third time.
    Unknown,
}

/// The most POST attempts made for one provision.
pub const MAX_POSTS: u32 = 2;

pub fn post_after_answer(answer: &Answer) -> PostNext {
    match answer {
        Answer::Success { .. } => PostNext::Created,
        // A 409 may be our own create: an earlier attempt the browser re-sent on its own (a
        // connection closed before any byte of the answer), or one GitHub finished after we
        // gave up waiting.
        Answer::Conflict => PostNext::LookUp,
        a if a.is_ambiguous() => PostNext::LookUp,
        _ => PostNext::Failed,
    }
}

/// `found` is the identity with the `userName` sent, if any. The POST path always looks the
/// `userName` up before its first attempt and sends nothing when it exists; so an identity
/// found now that has every value sent was created by one of this console's attempts. (One
/// created by someone else in that short window with exactly these values is the same
/// outcome for the organization: exactly one identity, as asked.)
pub fn post_after_lookup(
    trigger: &Answer,
    posts_sent: u32,
    sent: &UserRequest,
    found: Option<&ScimUser>,
) -> PostSettled {
    match found {
        Some(user) if same_values(sent, user) => PostSettled::CreatedByUs,
        Some(_) => PostSettled::Conflict,
        None if *trigger == Answer::Conflict => PostSettled::Conflict,
        None if posts_sent < MAX_POSTS => PostSettled::SendAgain,
        None => PostSettled::Unknown,
    }
}

/// The identity on GitHub has what the POST body asked for.
pub fn same_values(sent: &UserRequest, found: &ScimUser) -> bool {
    let name = found.name.clone().unwrap_or_default();
    let text = |v: &Option<String>| v.as_deref().filter(|s| !s.is_empty()).map(str::to_owned);
    let mut sent_emails: Vec<String> = sent.emails.iter().map(|e| e.value.to_lowercase()).collect();
    let mut found_emails: Vec<String> = found
        .emails
        .iter()
        .map(|e| e.value.to_lowercase())
        .collect();
    sent_emails.sort();
    found_emails.sort();
    found
        .user_name
        .as_deref()
        .is_some_and(|u| u.eq_ignore_ascii_case(&sent.user_name))
        && text(&found.external_id) == text(&sent.external_id)
        && text(&found.display_name) == text(&sent.display_name)
        && name.given_name.as_deref() == Some(sent.name.given_name.as_str())
        && name.family_name.as_deref() == Some(sent.name.family_name.as_str())
        && sent_emails == found_emails
}

/// After a DELETE's last answer (the fetch layer has already retried what may be retried).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteNext {
    Done,
    /// A 404 without `X-GitHub-SSO`: confirm with a GET that the identity is gone.
    Confirm,
    Failed,
    /// No answer even after the retries: it may or may not be gone.
    Unknown,
}

pub fn delete_after_answer(answer: &Answer) -> DeleteNext {
    match answer {
        Answer::Success { .. } => DeleteNext::Done,
        // With `X-GitHub-SSO` it is `SsoRequired`, never `NotFound`: that closes the gate.
        Answer::NotFound => DeleteNext::Confirm,
        a if a.is_ambiguous() => DeleteNext::Unknown,
        _ => DeleteNext::Failed,
    }
}

/// What the confirming GET said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteSettled {
    /// Gone. `by_earlier_attempt`: an earlier attempt got no answer, so it was that one that
    /// removed it; otherwise it was already gone.
    Gone { by_earlier_attempt: bool },
    /// The GET found it: GitHub's 404 did not mean gone.
    StillThere,
    /// The GET did not settle it (SSO, no answer, …).
    Unknown,
}

pub fn delete_after_confirm(get: &Answer, earlier_attempt_unanswered: bool) -> DeleteSettled {
    match get {
        Answer::NotFound => DeleteSettled::Gone {
            by_earlier_attempt: earlier_attempt_unanswered,
        },
        Answer::Success { .. } => DeleteSettled::StillThere,
        _ => DeleteSettled::Unknown,
    }
}

/// How a write that did not succeed is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsettled {
    /// Nothing that could have changed anything left the browser.
    NotSent,
    /// It may have been performed.
    Unknown,
    /// GitHub refused it: nothing changed.
    Failed,
}

/// `last` is the last answer, or `None` when the gate refused the attempt locally;
/// `earlier_attempt_unanswered`: an earlier attempt of the same write got an ambiguous answer.
pub fn unsettled(last: Option<&Answer>, earlier_attempt_unanswered: bool) -> Unsettled {
    match last {
        _ if earlier_attempt_unanswered => Unsettled::Unknown,
        // The site's proxy answered for itself: nothing went to GitHub.
        None | Some(Answer::SignedOutOfSite) => Unsettled::NotSent,
        Some(a) if a.is_ambiguous() => Unsettled::Unknown,
        Some(_) => Unsettled::Failed,
    }
}
