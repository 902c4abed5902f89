//! `externalIdentities(after before first last login membersOnly userName)`: GitHub's cursor
//! paging (one of `first`/`last` required, at most 100; opaque cursors), its filters, and the
//! nodes materialized under one read lock so `totalCount` and the page always agree.
use async_graphql::ID;
use base64::Engine;

use super::nodes::node;
use super::schema::typed_error;
use super::types::{ExternalIdentityConnection, ExternalIdentityEdge, PageInfo};
use crate::org::views::ViewKey;
use crate::state::Emulator;

const CONNECTION: &str = "externalIdentities";
const CURSOR_PREFIX: &str = "cursor:v2:";

/// The arguments of the connection.
#[derive(Debug, Default, Clone)]
pub struct Window {
    pub after: Option<String>,
    pub before: Option<String>,
    pub first: Option<i32>,
    pub last: Option<i32>,
    pub login: Option<String>,
    pub members_only: Option<bool>,
    pub user_name: Option<String>,
}

pub fn cursor(seq: u64) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{CURSOR_PREFIX}{seq}"))
}

fn decode(cursor: &str) -> async_graphql::Result<u64> {
    base64::engine::general_purpose::STANDARD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix(CURSOR_PREFIX)?.parse().ok())
        .ok_or_else(|| {
            typed_error(
                "INVALID_CURSOR_ARGUMENTS",
                format!("`{cursor}` does not appear to be a valid cursor."),
            )
        })
}

/// How many records, from which end; GitHub's errors for a missing or excessive bound.
fn bound(window: &Window) -> async_graphql::Result<(usize, bool)> {
    let check = |name: &str, n: i32| {
        if n < 0 {
            Err(typed_error(
                "INVALID_PAGINATION",
                format!("`{name}` on the `{CONNECTION}` connection cannot be less than zero."),
            ))
        } else if n > 100 {
            Err(typed_error(
                "EXCESSIVE_PAGINATION",
                format!("Requesting {n} records on the `{CONNECTION}` connection exceeds the `{name}` limit of 100 records."),
            ))
        } else {
            Ok(n as usize)
        }
    };
    match (window.first, window.last) {
        (Some(first), None) => Ok((check("first", first)?, true)),
        (None, Some(last)) => Ok((check("last", last)?, false)),
        (Some(_), Some(_)) => Err(typed_error(
            "INVALID_PAGINATION",
            format!("Passing both `first` and `last` to paginate the `{CONNECTION}` connection is not supported."),
        )),
        (None, None) => Err(typed_error(
            "MISSING_PAGINATION_BOUNDARIES",
            format!("You must provide a `first` or `last` value to properly paginate the `{CONNECTION}` connection."),
        )),
    }
}

pub fn connection(
    emulator: &Emulator,
    window: Window,
) -> async_graphql::Result<ExternalIdentityConnection> {
    let (count, from_start) = bound(&window)?;
    let after = window.after.as_deref().map(decode).transpose()?;
    let before = window.before.as_deref().map(decode).transpose()?;
    let store = emulator.read_store();
    let world = &store.org;
    let members_only = window.members_only.unwrap_or(false);
    // The candidates, in creation order: a small list for `login`/`userName`, else a view.
    let picked: Option<Vec<u64>> = match (&window.login, &window.user_name) {
        (None, None) => None,
        (login, user_name) => {
            let by_login = login.as_deref().map(|l| {
                world
                    .account_by_login(l)
                    .map(|a| world.identities_of_user(a.id))
                    .unwrap_or_default()
            });
            let by_name = user_name.as_deref().map(|n| world.identities_named(n));
            let mut seqs = match (by_login, by_name) {
                (Some(a), Some(b)) => a.into_iter().filter(|s| b.contains(s)).collect(),
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => Vec::new(),
            };
            seqs.sort_unstable();
            if members_only {
                seqs.retain(|s| {
                    world
                        .identity(*s)
                        .and_then(|i| i.user)
                        .is_some_and(|u| world.role(u).is_some())
                });
            }
            Some(seqs)
        }
    };
    let view = (picked.is_none() && members_only).then(|| world.view(ViewKey::MemberIdentities));
    let all = world.identity_seqs();
    let (len, seq_at): (usize, Box<dyn Fn(usize) -> u64 + '_>) = match (&picked, &view) {
        (Some(seqs), _) => (seqs.len(), Box::new(|i| seqs[i])),
        (None, Some(view)) => (view.len(), Box::new(|i| view[i])),
        (None, None) => (
            all.len(),
            Box::new(|i| all.get_index(i).map(|(k, _)| *k).unwrap_or_default()),
        ),
    };
    // Binary search: the first position whose seq is greater than (or at least) a cursor's.
    let position = |seq: u64, inclusive: bool| {
        let (mut lo, mut hi) = (0, len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let at = seq_at(mid);
            if at < seq || (!inclusive && at == seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    };
    let start = after.map(|s| position(s, false)).unwrap_or(0);
    let end = before.map(|s| position(s, true)).unwrap_or(len).max(start);
    let (from, to) = if from_start {
        (start, (start + count).min(end))
    } else {
        (end.saturating_sub(count).max(start), end)
    };
    let edges: Vec<ExternalIdentityEdge> = (from..to)
        .filter_map(|i| world.identity(seq_at(i)))
        .map(|identity| ExternalIdentityEdge {
            cursor: cursor(identity.seq),
            node: Some(node(&store, emulator, identity)),
        })
        .collect();
    let page_info = PageInfo {
        start_cursor: edges.first().map(|e| e.cursor.clone()),
        end_cursor: edges.last().map(|e| e.cursor.clone()),
        has_next_page: to < len,
        has_previous_page: from > 0,
    };
    Ok(ExternalIdentityConnection {
        nodes: Some(edges.iter().map(|e| e.node.clone()).collect()),
        edges: Some(edges.into_iter().map(Some).collect()),
        page_info,
        total_count: len as i32,
    })
}

/// The node id GitHub would give an external identity.
pub fn identity_id(seq: u64) -> ID {
    ID(crate::org::node_id("ExternalIdentity", seq))
}
