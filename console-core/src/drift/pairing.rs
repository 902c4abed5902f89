//! The two-node form of NameID ≠ userName (contract §5c): a SAML-only node linked to an account
//! that has no SCIM identity, and a SCIM-only node that no account claimed, which look like
//! one person. Matched by email first; only nodes no email matched are then matched by name.
//! Nodes sharing evidence form groups (a chain of shared values joins them); a group of
//! exactly one node per side is a likely match, anything larger is reported as ambiguous and
//! never resolved by picking.
use rustc_hash::FxHashMap;
use std::borrow::Cow;

use super::evidence::{keys_of, Kind, Side};
use super::index::Index;
use super::input::ExternalIdentity;

/// How a group was formed, and the values that matched (lower-cased, sorted, unique).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    Email(Vec<String>),
    Name(Vec<String>),
}

pub(super) struct Group {
    /// Node positions, in input order.
    pub saml: Vec<usize>,
    pub scim: Vec<usize>,
    pub evidence: Evidence,
}

impl Group {
    pub fn ambiguous(&self) -> bool {
        self.saml.len() != 1 || self.scim.len() != 1
    }
}

/// A SAML-only node: linked to an account (not an outside collaborator) with no linked SCIM
/// identity anywhere, SAML data, no SCIM data.
fn saml_only(index: &Index, node: &ExternalIdentity) -> bool {
    let Some(user) = &node.user else { return false };
    node.saml.is_some()
        && node.scim.is_none()
        && !index.is_collaborator(&user.login)
        && !index.has_linked_scim(&user.login)
}

/// Union-find over the candidates; a set's root is its smallest member, so the result does
/// not depend on the order of the unions.
struct Sets(Vec<usize>);

impl Sets {
    fn root(&mut self, mut at: usize) -> usize {
        while self.0[at] != at {
            self.0[at] = self.0[self.0[at]];
            at = self.0[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.0[a.max(b)] = a.min(b);
    }
}

pub(super) fn groups(index: &Index) -> Vec<Group> {
    // Candidates: (node position, side).
    let mut nodes: Vec<(usize, Side)> = Vec::new();
    for &at in &index.nodes {
        let node = index.node(at);
        if saml_only(index, node) {
            nodes.push((at, Side::Saml));
        } else if node.user.is_none() && node.scim.is_some() {
            nodes.push((at, Side::Scim));
        }
    }
    let mut sets = Sets((0..nodes.len()).collect());
    let mut kind_of: Vec<Option<Kind>> = vec![None; nodes.len()];
    let mut matched: Vec<(usize, Cow<str>)> = Vec::new();
    for kind in [Kind::Email, Kind::Name] {
        let mut sharing: FxHashMap<Cow<str>, Vec<usize>> = FxHashMap::default();
        for (i, &(at, side)) in nodes.iter().enumerate() {
            if kind_of[i].is_none() {
                for key in keys_of(index.node(at), side, kind) {
                    sharing.entry(key).or_default().push(i);
                }
            }
        }
        for (value, members) in sharing {
            let on = |side| members.iter().any(|&i| nodes[i].1 == side);
            if on(Side::Saml) && on(Side::Scim) {
                for &i in &members {
                    sets.join(members[0], i);
                    kind_of[i] = Some(kind);
                }
                matched.push((members[0], value));
            }
        }
    }
    // Groups in the order of their first node: `nodes` is in input order and a set's root is
    // its first member, so a group's slot is taken at its first node and no sort is needed.
    let mut groups: Vec<Group> = Vec::new();
    let mut slot_of: FxHashMap<usize, usize> = FxHashMap::default();
    for i in 0..nodes.len() {
        let Some(kind) = kind_of[i] else { continue };
        let slot = *slot_of.entry(sets.root(i)).or_insert_with(|| {
            groups.push(Group {
                saml: Vec::new(),
                scim: Vec::new(),
                evidence: match kind {
                    Kind::Email => Evidence::Email(Vec::new()),
                    Kind::Name => Evidence::Name(Vec::new()),
                },
            });
            groups.len() - 1
        });
        let group = &mut groups[slot];
        match nodes[i].1 {
            Side::Saml => group.saml.push(nodes[i].0),
            Side::Scim => group.scim.push(nodes[i].0),
        }
    }
    for (member, value) in matched {
        if let Some(&slot) = slot_of.get(&sets.root(member)) {
            let (Evidence::Email(values) | Evidence::Name(values)) = &mut groups[slot].evidence;
            values.push(value.into_owned());
        }
    }
    for group in &mut groups {
        let (Evidence::Email(values) | Evidence::Name(values)) = &mut group.evidence;
        values.sort();
        values.dedup();
    }
    groups
}
