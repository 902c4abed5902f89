//! A write action as data: the requests it sends, in order, what each step's answer means for
//! the next, and the text the owner types to confirm it.
use crate::retry::Method;

/// What a step does (its API is in the path: `/scim/v2/…` or the REST `/orgs/…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    RemoveMember,
    CancelInvitation,
    DeleteScimIdentity,
    RevokeCredential,
}

impl StepKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::RemoveMember => "Remove from the organization",
            Self::CancelInvitation => "Cancel the invitation",
            Self::DeleteScimIdentity => "Delete the SCIM identity",
            Self::RevokeCredential => "Revoke the SSO authorization",
        }
    }
}

/// One request, relative to the API base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    /// Every step is a DELETE: idempotent, so the retry rules may repeat it.
    pub method: Method,
    pub path: String,
}

/// How one step ended, as the console's write path reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepOutcome {
    Done,
    /// A 404 the write path has confirmed: there was nothing left to delete.
    AlreadyGone,
    Failed(String),
    NotSent,
}

impl StepOutcome {
    fn succeeded(&self) -> bool {
        matches!(self, Self::Done | Self::AlreadyGone)
    }
}

/// Steps run in order; a step is sent only when every earlier one succeeded, so a failed
/// cancellation never deletes the SCIM identity behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub steps: Vec<Step>,
}

impl Plan {
    /// The step to send after `outcomes` (one per step already run), or `None` when the plan
    /// is over.
    pub fn next(&self, outcomes: &[StepOutcome]) -> Option<usize> {
        let all_ok = outcomes.iter().all(StepOutcome::succeeded);
        (all_ok && outcomes.len() < self.steps.len()).then_some(outcomes.len())
    }

    /// One result per step: what ran, then `NotSent` for the rest.
    pub fn results(&self, outcomes: &[StepOutcome]) -> Vec<StepOutcome> {
        let mut results: Vec<StepOutcome> =
            outcomes.iter().take(self.steps.len()).cloned().collect();
        results.resize(self.steps.len(), StepOutcome::NotSent);
        results
    }

    /// Whether every step succeeded: the row's finding is resolved.
    pub fn succeeded(&self, outcomes: &[StepOutcome]) -> bool {
        self.results(outcomes).iter().all(StepOutcome::succeeded)
    }
}

/// What the owner must type (and, for the most dangerous writes, acknowledge again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    /// The exact text to type: a login or userName for one item, the count for many.
    pub typed: String,
    /// Asked after the typed confirmation, before anything is sent.
    pub second: Option<&'static str>,
}

impl Confirmation {
    /// By the console's one rule for typed confirmations (`confirm::confirms`: whitespace runs
    /// count as one space, the ends do not).
    pub fn accepts(&self, typed: &str) -> bool {
        crate::confirm::confirms(typed, &self.typed)
    }

    /// For several items at once: their count, and the gravest second confirmation any of them
    /// needs (`warnings::gravity`: losing the console's own access outranks an owner's removal).
    pub fn for_many<'a>(each: impl IntoIterator<Item = &'a Confirmation>) -> Confirmation {
        let mut count = 0;
        let mut single = None;
        let mut second = None;
        for c in each {
            count += 1;
            single = Some(c.typed.clone());
            second = match (second, c.second) {
                (Some(kept), Some(new))
                    if super::warnings::gravity(new) <= super::warnings::gravity(kept) =>
                {
                    Some(kept)
                }
                (kept, None) => kept,
                (_, new) => new,
            };
        }
        let typed = match (count, single) {
            (1, Some(one)) => one,
            _ => count.to_string(),
        };
        Confirmation { typed, second }
    }
}

impl StepOutcome {
    /// What a step's record (as the write path settles it) means for the steps after it: only
    /// a step that is done lets the next one leave.
    pub fn of(record: &crate::activity::Outcome) -> Self {
        use crate::activity::Outcome;
        match record {
            Outcome::Done(note) if note.starts_with("already") => Self::AlreadyGone,
            Outcome::Done(_) => Self::Done,
            Outcome::NotSent(_) | Outcome::Queued => Self::NotSent,
            Outcome::Failed(why) | Outcome::Unknown(why) => Self::Failed(why.clone()),
            Outcome::InFlight => Self::Failed("still in flight".into()),
        }
    }
}

/// One item's record from its steps' records, in order: done when every step is (their notes
/// kept); otherwise the first step that is not says what happened, named by its step when the
/// plan has more than one, followed by the steps it kept from being sent.
pub fn item_outcome(steps: &[(StepKind, crate::activity::Outcome)]) -> crate::activity::Outcome {
    use crate::activity::Outcome;
    let Some(at) = steps
        .iter()
        .position(|(_, o)| !matches!(o, Outcome::Done(_)))
    else {
        let notes: Vec<&str> = steps
            .iter()
            .filter_map(|(_, o)| match o {
                Outcome::Done(note) if !note.is_empty() => Some(note.as_str()),
                _ => None,
            })
            .collect();
        return Outcome::Done(notes.join("; "));
    };
    let (kind, outcome) = &steps[at];
    if steps.len() == 1 || matches!(outcome, Outcome::Queued | Outcome::InFlight) {
        return outcome.clone();
    }
    let later: Vec<&str> = steps[at + 1..].iter().map(|(k, _)| k.label()).collect();
    let why = |text: &str| {
        let mut said = format!("{}: {text}", kind.label());
        if at > 0 {
            said = format!("{} done; {said}", steps[at - 1].0.label());
        }
        if !later.is_empty() {
            said.push_str(&format!("; not sent: {}", later.join(", ")));
        }
        said
    };
    match outcome {
        Outcome::Failed(t) => Outcome::Failed(why(t)),
        Outcome::NotSent(t) => Outcome::NotSent(why(t)),
        Outcome::Unknown(t) => Outcome::Unknown(why(t)),
        other => other.clone(),
    }
}
