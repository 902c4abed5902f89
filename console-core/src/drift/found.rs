//! Where each key was found in an input list, for the review's one-pass indexes: almost
//! always one place, so no list is allocated for it.
use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

/// The positions of one key.
pub(super) enum Found {
    One(usize),
    Many(Vec<usize>),
}

impl Found {
    pub fn positions(&self) -> &[usize] {
        match self {
            Self::One(at) => std::slice::from_ref(at),
            Self::Many(all) => all,
        }
    }

    fn add(&mut self, at: usize) {
        match self {
            Self::One(first) if *first != at => *self = Self::Many(vec![*first, at]),
            Self::Many(all) if all.last() != Some(&at) => all.push(at),
            _ => {}
        }
    }
}

pub(super) type Positions<'a> = FxHashMap<Cow<'a, str>, Found>;

pub(super) fn positions<'a>(capacity: usize) -> Positions<'a> {
    Positions::with_capacity_and_hasher(capacity, Default::default())
}

pub(super) fn set<'a>(capacity: usize) -> FxHashSet<Cow<'a, str>> {
    FxHashSet::with_capacity_and_hasher(capacity, Default::default())
}

pub(super) fn push<'a>(map: &mut Positions<'a>, key: Option<Cow<'a, str>>, at: usize) {
    if let Some(key) = key {
        map.entry(key)
            .and_modify(|found| found.add(at))
            .or_insert(Found::One(at));
    }
}
