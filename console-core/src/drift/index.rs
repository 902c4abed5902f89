//! The lookups the categories share, built once per review in one pass over each input, keyed
//! by `keys` (borrowed from the input where a value already is its key), so the join is
//! linear in the size of the organization and allocates little.
use std::borrow::Cow;
use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::found::{positions, push, set, Found, Positions};

use super::input::{ExternalIdentity, InvitationSource};
use super::keys;
use super::row::Cell;
use super::Inputs;

pub(super) struct Index<'a> {
    pub input: &'a Inputs,
    /// Member positions, unique by login (the first wins when pages overlapped).
    pub members: Vec<usize>,
    member_logins: FxHashSet<Cow<'a, str>>,
    collaborators: FxHashSet<Cow<'a, str>>,
    /// Node positions, unique by GUID.
    pub nodes: Vec<usize>,
    /// Login → positions of the nodes linked to it.
    nodes_by_login: Positions<'a>,
    /// Logins with a linked SCIM identity (contract §5a: some node linked to the login has a
    /// SCIM identity with a userName).
    linked_scim: FxHashSet<Cow<'a, str>>,
    pub scim_by_user_name: Positions<'a>,
    /// Only the fallback of the `scim_user_id` join: built on first use.
    scim_by_email: OnceCell<Positions<'a>>,
    pub invitations_by_email: Positions<'a>,
    pub invitations_by_login: Positions<'a>,
    credentials_by_login: Option<FxHashMap<Cow<'a, str>, usize>>,
}

impl<'a> Index<'a> {
    pub fn new(input: &'a Inputs) -> Self {
        let mut member_logins = set(input.members.len());
        let members = (0..input.members.len())
            .filter(|&at| member_logins.insert(keys::login(&input.members[at].login)))
            .collect();
        let collaborators = input.outside_collaborators.iter();
        let collaborators = collaborators.map(|c| keys::login(&c.login)).collect();
        let mut guids =
            FxHashSet::with_capacity_and_hasher(input.identities.len(), Default::default());
        let nodes: Vec<usize> = (0..input.identities.len())
            .filter(|&at| guids.insert(input.identities[at].guid.as_str()))
            .collect();
        let (mut nodes_by_login, mut linked_scim) = (positions(nodes.len()), set(nodes.len()));
        for &at in &nodes {
            let node = &input.identities[at];
            let Some(user) = &node.user else { continue };
            push(&mut nodes_by_login, Some(keys::login(&user.login)), at);
            let user_name = node.scim.as_ref().and_then(|s| s.username.as_deref());
            if keys::present(user_name).is_some() {
                linked_scim.insert(keys::login(&user.login));
            }
        }
        let scim = input.scim_identities.len();
        let mut scim_by_user_name = positions(scim);
        for (at, scim) in input.scim_identities.iter().enumerate() {
            push(&mut scim_by_user_name, keys::user_name(&scim.user_name), at);
        }
        let invitations = input.invitations.len();
        let (mut invitations_by_email, mut invitations_by_login) =
            (positions(invitations), positions(invitations));
        for (at, invitation) in input.invitations.iter().enumerate() {
            if invitation.source == InvitationSource::Member {
                continue;
            }
            let email = invitation.email.as_deref().and_then(keys::email);
            push(&mut invitations_by_email, email, at);
            let login = invitation.login.as_deref().map(keys::login);
            push(&mut invitations_by_login, login, at);
        }
        let credentials_by_login = input.credentials.as_ref().map(|credentials| {
            let mut counts = FxHashMap::<Cow<str>, usize>::default();
            for c in credentials {
                *counts.entry(keys::login(&c.login)).or_default() += 1;
            }
            counts
        });
        Self {
            input,
            members,
            member_logins,
            collaborators,
            nodes,
            nodes_by_login,
            linked_scim,
            scim_by_user_name,
            scim_by_email: OnceCell::new(),
            invitations_by_email,
            invitations_by_login,
            credentials_by_login,
        }
    }

    /// SCIM identities by each of their emails.
    pub fn scim_by_email(&self) -> &Positions<'a> {
        self.scim_by_email.get_or_init(|| {
            let list = &self.input.scim_identities;
            let mut by_email = positions(list.len());
            for (at, scim) in list.iter().enumerate() {
                for email in &scim.emails {
                    push(&mut by_email, keys::email(email), at);
                }
            }
            by_email
        })
    }

    pub fn node(&self, at: usize) -> &'a ExternalIdentity {
        &self.input.identities[at]
    }

    pub fn is_member(&self, login: &str) -> bool {
        self.member_logins.contains(&*keys::login(login))
    }

    pub fn is_collaborator(&self, login: &str) -> bool {
        self.collaborators.contains(&*keys::login(login))
    }

    /// The nodes linked to `login`.
    pub fn nodes_of(&self, login: &str) -> impl Iterator<Item = &'a ExternalIdentity> + '_ {
        let positions = self.nodes_by_login.get(&*keys::login(login));
        let positions = positions.map(Found::positions).unwrap_or_default();
        positions.iter().map(|&at| self.node(at))
    }

    pub fn has_linked_scim(&self, login: &str) -> bool {
        self.linked_scim.contains(&*keys::login(login))
    }

    /// How many credentials `login` has authorized; empty until credentials are loaded.
    pub fn credential_count(&self, login: &str) -> Cell {
        let Some(counts) = &self.credentials_by_login else {
            return Cell::Empty;
        };
        let count = counts.get(&*keys::login(login)).copied().unwrap_or(0);
        Cell::Number(count as i64)
    }
}
