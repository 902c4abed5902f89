//! Loading a review: the external identities by GraphQL (one cursor page after another from
//! each end of the connection, both ends at once) side by side with the REST lists (members,
//! admins, SCIM invitations, outside collaborators, one list after another, two pages in
//! flight), while the session's own load of the SCIM identities finishes; then the join. At
//! most four of the review's requests are in flight, besides the SCIM load's two. Every request goes through the one client: its retries, rate
//! limits (GraphQL points included) and gate. Credential authorizations load on demand.
use console_core::drift::{github, Collaborator, ExternalIdentity, Inputs, Invitation, Member};
use console_core::drift::{Review, ScimIdentity};
use console_core::two_ends::{End, TwoEnds};
use futures::future::join;
use leptos::prelude::*;
use leptos::task::spawn_local;
use scim::org::{CredentialAuthorization, ListedInvitation, ListedUser};
use std::cell::RefCell;

use super::members::LoadState;
use super::review::{CredentialsState, Found, Progress};
use super::Session;
use crate::api::cancel::{now_ms, sleep};
use crate::api::org::{IdentitySource, NoProvider, Window};
use crate::api::paged::load_list;
use crate::api::{ApiClient, ApiError, Cancel, ErrorKind};

/// What the REST lists gave.
struct Lists {
    members: Vec<Member>,
    invitations: Vec<Invitation>,
    collaborators: Vec<Collaborator>,
}

impl Session {
    /// The review for (`run`, `source`): the one already built, or a fresh load. What the
    /// Review page's resource awaits.
    pub async fn ensure_review(self, run: u64, source: IdentitySource) -> Result<Found, ApiError> {
        let store = self.review;
        let cached = store.loaded.with_value(|l| {
            l.as_ref()
                .filter(|(r, s, _)| *r == run && *s == source)
                .map(|(_, _, found)| found.clone())
        });
        if let Some(found) = cached {
            return Ok(found);
        }
        let cancel = Cancel::new();
        store.stop.with_value(Cancel::cancel);
        store.stop.set_value(cancel.clone());
        store.stop_credentials.with_value(Cancel::cancel);
        store.progress.set(Progress::default());
        let found = self.load_review(&source, &cancel).await?;
        store
            .loaded
            .try_set_value(Some((run, source, found.clone())));
        Ok(found)
    }

    async fn load_review(
        self,
        source: &IdentitySource,
        cancel: &Cancel,
    ) -> Result<Found, ApiError> {
        let client = self.client();
        let progress = self.review.progress;
        let identities = load_identities(&client, source, cancel, progress);
        let lists = load_lists(&client, cancel, progress);
        let (identities, lists) = join(identities, lists).await;
        // The first real error wins over the cancellations it caused.
        let (nodes, issuer) = match identities {
            Ok(Ok(found)) => found,
            Ok(Err(none)) => return Ok(Found::NoProvider(none)),
            Err(e) if e.kind != ErrorKind::Cancelled => return Err(e),
            Err(e) => return Err(lists.err().unwrap_or(e)),
        };
        let lists = lists?;
        let scim_identities = self.scim_identities(cancel).await?;
        let inputs = Inputs {
            org: client.org().to_owned(),
            now: (now_ms() / 1_000.0) as i64,
            members: lists.members,
            outside_collaborators: lists.collaborators,
            identities: nodes,
            scim_identities,
            invitations: lists.invitations,
            credentials: None,
            console: client.console_self(),
        };
        let review = Review::build(&inputs);
        self.review.credentials.set(CredentialsState::NotLoaded);
        self.review.install(inputs, review, true);
        Ok(Found::Review { issuer })
    }

    /// The session's SCIM identities (for their `scim_user_id`), once their load is done; it
    /// is started when nothing is loaded.
    async fn scim_identities(self, cancel: &Cancel) -> Result<Vec<ScimIdentity>, ApiError> {
        let members = self.members;
        loop {
            match members.state.get_untracked() {
                LoadState::Done => break,
                LoadState::Failed(e) => return Err(e),
                LoadState::Idle => members.load(self.client(), None),
                LoadState::Loading => {}
            }
            self.review.progress.update(|p| p.waiting_for_scim = true);
            sleep(100, cancel).await?;
        }
        self.review.progress.update(|p| p.waiting_for_scim = false);
        Ok(members.table.with_untracked(|t| {
            t.rows()
                .iter()
                .map(|row| ScimIdentity {
                    id: row.id.clone(),
                    user_name: row.user_name.clone(),
                    emails: (!row.email.is_empty())
                        .then(|| row.email.clone())
                        .into_iter()
                        .collect(),
                })
                .collect()
        }))
    }

    /// Loads every credential authorization (the whole list: only it shows the credentials of
    /// logins that are not members), then rebuilds the review with them.
    pub fn load_credentials(self) {
        let store = self.review;
        if matches!(
            store.credentials.get_untracked(),
            CredentialsState::Loading(_)
        ) {
            return;
        }
        let cancel = Cancel::new();
        store.stop_credentials.set_value(cancel.clone());
        store
            .credentials
            .set(CredentialsState::Loading(Default::default()));
        let client = self.client();
        spawn_local(async move {
            let path = format!("/orgs/{}/credential-authorizations", client.org());
            let mut list = Vec::new();
            let loaded =
                load_list::<CredentialAuthorization>(&client, &path, 2, &cancel, |page, p| {
                    list.extend(page.into_iter().map(github::credential));
                    store.credentials.try_set(CredentialsState::Loading(p));
                })
                .await;
            let state = match loaded {
                Ok(_) => {
                    if let Some(mut inputs) = store.inputs.try_get_value().flatten() {
                        // The account whose token this console holds: its credential says.
                        let yours = list.iter().find(|c| {
                            inputs.console.owns(c) == console_core::drift::Ownership::Yours
                        });
                        if let Some(own) = yours {
                            inputs.console.login = Some(own.login.clone());
                        }
                        inputs.credentials = Some(list);
                        let review = Review::build(&inputs);
                        store.install(inputs, review, false);
                    }
                    CredentialsState::Loaded
                }
                Err(e) if e.kind == ErrorKind::Cancelled => CredentialsState::NotLoaded,
                Err(e) => CredentialsState::Failed(e),
            };
            store.credentials.try_set(state);
        });
    }
}

type Identities = Result<(Vec<ExternalIdentity>, Option<String>), NoProvider>;

/// What the two ends of the identity connection share while they are read.
#[derive(Default)]
struct Meeting {
    ends: TwoEnds<ExternalIdentity>,
    issuer: Option<String>,
    none: Option<NoProvider>,
    /// An end failed: the other stops asking.
    failed: bool,
}

/// Every external identity, read from both ends of the connection at once (`TwoEnds` says
/// when they have met), in the connection's order, each node once.
async fn load_identities(
    client: &ApiClient,
    source: &IdentitySource,
    cancel: &Cancel,
    progress: RwSignal<Progress>,
) -> Result<Identities, ApiError> {
    let meeting = RefCell::new(Meeting::default());
    let ends = join(
        read_end(client, source, End::Start, &meeting, cancel, progress),
        read_end(client, source, End::Finish, &meeting, cancel, progress),
    );
    match ends.await {
        (Ok(()), Ok(())) => {}
        // The first real error wins over the cancellation it caused on the other end.
        (Err(a), Err(b)) if a.kind == ErrorKind::Cancelled => return Err(b),
        (Err(e), _) | (_, Err(e)) => return Err(e),
    }
    let meeting = meeting.into_inner();
    if let Some(none) = meeting.none {
        cancel.cancel(); // nothing to compare the lists with
        return Ok(Err(none));
    }
    Ok(Ok((meeting.ends.into_nodes(), meeting.issuer)))
}

/// One end of the connection, one page after another until the ends meet.
async fn read_end(
    client: &ApiClient,
    source: &IdentitySource,
    end: End,
    meeting: &RefCell<Meeting>,
    cancel: &Cancel,
    progress: RwSignal<Progress>,
) -> Result<(), ApiError> {
    let mut cursor: Option<String> = None;
    loop {
        let window = match end {
            End::Start => Window::After(cursor.as_deref()),
            End::Finish => Window::Before(cursor.as_deref()),
        };
        let page = match client.identity_page(source, window, cancel).await {
            Ok(Ok(page)) => page,
            Ok(Err(none)) => {
                meeting.borrow_mut().none = Some(none);
                return Ok(());
            }
            Err(e) => {
                meeting.borrow_mut().failed = true;
                cancel.cancel(); // the other end's request and the REST lists stop at once
                return Err(e);
            }
        };
        let mut m = meeting.borrow_mut();
        if m.failed || m.none.is_some() {
            return Ok(());
        }
        m.issuer = m.issuer.take().or(page.issuer);
        let more = page.next.is_some();
        let read_on = m.ends.take(end, page.nodes, more, |n| n.guid.as_str());
        let (taken, total) = (m.ends.taken() as u64, page.total);
        progress.try_update(|p| {
            p.identities = taken;
            p.identities_total = Some(total);
        });
        match page.next {
            Some(next) if read_on => cursor = Some(next),
            _ => return Ok(()),
        }
    }
}

/// Members (and which are admins), SCIM invitations and outside collaborators.
async fn load_lists(
    client: &ApiClient,
    cancel: &Cancel,
    progress: RwSignal<Progress>,
) -> Result<Lists, ApiError> {
    let org = client.org();
    let mut users: Vec<ListedUser> = Vec::new();
    load_list(
        client,
        &format!("/orgs/{org}/members"),
        2,
        cancel,
        |page, p| {
            users.extend(page);
            progress.try_update(|progress| progress.members = p);
        },
    )
    .await?;
    let mut others = 0;
    let mut count = |n: usize| {
        others += n as u64;
        progress.try_update(|p| p.others = others);
    };
    let mut admins = std::collections::HashSet::new();
    let path = format!("/orgs/{org}/members?role=admin");
    load_list(client, &path, 2, cancel, |page: Vec<ListedUser>, _| {
        count(page.len());
        admins.extend(page.into_iter().map(|u| u.login.to_ascii_lowercase()));
    })
    .await?;
    let mut invitations = Vec::new();
    let path = format!("/orgs/{org}/invitations?invitation_source=scim");
    load_list(
        client,
        &path,
        2,
        cancel,
        |page: Vec<ListedInvitation>, _| {
            count(page.len());
            invitations.extend(page.into_iter().map(github::invitation));
        },
    )
    .await?;
    let mut collaborators = Vec::new();
    let path = format!("/orgs/{org}/outside_collaborators");
    load_list(client, &path, 2, cancel, |page: Vec<ListedUser>, _| {
        count(page.len());
        collaborators.extend(page.into_iter().map(github::collaborator));
    })
    .await?;
    let members = users
        .into_iter()
        .map(|u| {
            let admin = admins.contains(&u.login.to_ascii_lowercase());
            github::member(u, admin)
        })
        .collect();
    Ok(Lists {
        members,
        invitations,
        collaborators,
    })
}
