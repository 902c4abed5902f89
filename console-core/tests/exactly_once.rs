//! Exactly once, per method: the decisions the write path takes after each answer.
use console_core::answer::Answer;
use console_core::exactly_once::*;
use console_core::form::IdentityInput;
use scim::{Email, Meta, Name, ScimUser};

fn sent() -> scim::provision::UserRequest {
    IdentityInput {
        user_name: "zoe@example.com".into(),
        given_name: "Zoë".into(),
        family_name: "Müller".into(),
        display_name: String::new(),
        external_id: "00u1".into(),
        emails: vec!["zoe@example.com".into(), "z@home.example".into()],
    }
    .validate()
    .unwrap()
}

/// The identity as GitHub would return it for `sent()`.
fn created() -> ScimUser {
    ScimUser {
        schemas: vec![scim::USER_SCHEMA.into()],
        id: "abc".into(),
        external_id: Some("00u1".into()),
        user_name: Some("Zoe@Example.com".into()),
        profile_url: None,
        display_name: None,
        name: Some(Name {
            given_name: Some("Zoë".into()),
            family_name: Some("Müller".into()),
            formatted: None,
        }),
        emails: vec![
            Email {
                value: "z@home.example".into(),
                primary: false,
                kind: Some("work".into()),
            },
            Email {
                value: "zoe@example.com".into(),
                primary: true,
                kind: Some("work".into()),
            },
        ],
        active: true,
        meta: Meta::default(),
        groups: vec![],
    }
}

#[test]
fn post_looks_up_after_a_conflict_or_an_ambiguous_answer_and_nothing_else() {
    use PostNext::*;
    let rows = [
        (Answer::Success { scopes: None }, Created),
        (Answer::Conflict, LookUp),
        (Answer::Network, LookUp),
        (Answer::Timeout, LookUp),
        (Answer::Server(502), LookUp),
        (Answer::Invalid, Failed),
        (Answer::Forbidden, Failed),
        (Answer::SsoRequired { url: None }, Failed),
        (Answer::BadCredentials, Failed),
        (Answer::RateLimited { wait_s: None }, Failed),
    ];
    for (answer, next) in rows {
        assert_eq!(post_after_answer(&answer), next, "{answer:?}");
    }
}

#[test]
fn post_settles_by_the_values_found() {
    use PostSettled::*;
    let ours = created();
    let theirs = ScimUser {
        external_id: Some("other".into()),
        ..created()
    };
    let rows: [(Answer, u32, Option<&ScimUser>, PostSettled); 9] = [
        // The browser re-sent our POST (or GitHub finished it late): the 409 is our own create.
        (Answer::Conflict, 1, Some(&ours), CreatedByUs),
        (Answer::Conflict, 2, Some(&ours), CreatedByUs),
        (Answer::Conflict, 1, Some(&theirs), Conflict),
        // 409 on externalId: nobody has this userName.
        (Answer::Conflict, 1, None, Conflict),
        (Answer::Timeout, 1, Some(&ours), CreatedByUs),
        (Answer::Timeout, 1, Some(&theirs), Conflict),
        (Answer::Network, 1, None, SendAgain),
        (Answer::Server(500), 1, None, SendAgain),
        (Answer::Timeout, MAX_POSTS, None, Unknown),
    ];
    for (trigger, posts, found, settled) in rows {
        assert_eq!(
            post_after_lookup(&trigger, posts, &sent(), found),
            settled,
            "{trigger:?} after {posts} POSTs, found {:?}",
            found.map(|u| &u.external_id)
        );
    }
}

#[test]
fn same_values_compares_what_was_sent() {
    assert!(same_values(&sent(), &created()));
    let differs: [fn(&mut ScimUser); 5] = [
        |u| u.user_name = Some("zoe2@example.com".into()),
        |u| u.external_id = None,
        |u| u.display_name = Some("Zoë M".into()),
        |u| u.emails.pop().map(drop).unwrap_or(()),
        |u| {
            u.name = Some(Name {
                given_name: Some("Zoe".into()),
                ..u.name.clone().unwrap()
            })
        },
    ];
    for change in differs {
        let mut user = created();
        change(&mut user);
        assert!(!same_values(&sent(), &user), "{user:?}");
    }
}

#[test]
fn delete_counts_a_404_only_when_a_get_confirms_it_and_never_with_sso() {
    use DeleteNext::*;
    let rows = [
        (Answer::Success { scopes: None }, Done),
        (Answer::NotFound, Confirm),
        // 404 + X-GitHub-SSO is classified as an SSO refusal: it closes the gate, never "done".
        (Answer::SsoRequired { url: None }, Failed),
        (Answer::Forbidden, Failed),
        (Answer::Network, Unknown),
        (Answer::Timeout, Unknown),
        (Answer::Server(503), Unknown),
    ];
    for (answer, next) in rows {
        assert_eq!(delete_after_answer(&answer), next, "{answer:?}");
    }
    assert_eq!(
        delete_after_confirm(&Answer::NotFound, true),
        DeleteSettled::Gone {
            by_earlier_attempt: true
        }
    );
    assert_eq!(
        delete_after_confirm(&Answer::NotFound, false),
        DeleteSettled::Gone {
            by_earlier_attempt: false
        }
    );
    assert_eq!(
        delete_after_confirm(&Answer::Success { scopes: None }, true),
        DeleteSettled::StillThere
    );
    for get in [
        Answer::SsoRequired { url: None },
        Answer::Network,
        Answer::Server(500),
    ] {
        assert_eq!(
            delete_after_confirm(&get, true),
            DeleteSettled::Unknown,
            "{get:?}"
        );
    }
}

#[test]
fn a_write_that_did_not_succeed_is_not_sent_unknown_or_failed() {
    use Unsettled::*;
    // Refused locally by the gate before any attempt.
    assert_eq!(unsettled(None, false), NotSent);
    // Refused locally on a retry after an attempt that got no answer: that one may have landed.
    assert_eq!(unsettled(None, true), Unknown);
    assert_eq!(unsettled(Some(&Answer::Timeout), false), Unknown);
    assert_eq!(unsettled(Some(&Answer::Forbidden), false), Failed);
    assert_eq!(
        unsettled(Some(&Answer::SsoRequired { url: None }), true),
        Unknown
    );
}
