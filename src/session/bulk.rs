//! A bulk run (deprovisioning many identities, or one action of the drift review on many rows)
//! belongs to the session, not to the dialog that started it: its progress and Stop are in the
//! header on every page, and Disconnect stops it first. Writes go one at a time, `GAP_MS`
//! apart (GitHub asks for a second between writes). Before each item the run looks at the stop
//! switch and the gate: once either says no, that item and every later one read "not sent"
//! with the reason (an item's second step follows its first; the gate is asked as it leaves).
//! Every write is in the journal from the start (queued), so a reload shows the whole run.
use console_core::activity::{run_summary, Outcome};
use console_core::drift::{ActionKind, CategoryId, Plan, Subject};
use console_core::table::Row;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::journal::outcome_of;
use super::Session;
use crate::api::cancel::sleep_unless;
use crate::api::{not_sent_reason, Cancel};

pub const GAP_MS: u64 = 1_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub user_name: String,
}

impl From<&Row> for Target {
    fn from(row: &Row) -> Self {
        Self {
            id: row.id.clone(),
            user_name: row.user_name.clone(),
        }
    }
}

/// What a run does to one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// DELETE the SCIM identity `target.id`.
    Deprovision,
    /// An action of the drift review on the row `target.id` of `category`.
    Drift {
        category: CategoryId,
        plan: Plan,
        subject: Subject,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub target: Target,
    pub job: Job,
    /// Its journal entries, one per request it sends.
    pub entries: Vec<u64>,
    pub outcome: Outcome,
}

#[derive(Clone, Copy)]
pub struct Bulk {
    pub items: RwSignal<Vec<Item>>,
    /// The review action the run performs (`None`: deprovisioning).
    pub action: RwSignal<Option<ActionKind>>,
    pub running: RwSignal<bool>,
    /// The run's results are shown from the header (after the dialog that started it closed).
    pub shown: RwSignal<bool>,
    stop: StoredValue<Cancel>,
    stop_reason: StoredValue<String>,
}

impl Bulk {
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            action: RwSignal::new(None),
            running: RwSignal::new(false),
            shown: RwSignal::new(false),
            stop: StoredValue::new(Cancel::new()),
            stop_reason: StoredValue::new(String::new()),
        }
    }

    /// Starts deprovisioning `targets` in order (one run at a time).
    pub fn start(self, session: Session, targets: Vec<Target>) {
        let items = targets.into_iter().map(|target| (target, Job::Deprovision));
        self.begin(session, None, items.collect());
    }

    /// Starts the review action `action` on `items` (rows and their jobs), in order.
    pub fn start_action(self, session: Session, action: ActionKind, items: Vec<(Target, Job)>) {
        self.begin(session, Some(action), items);
    }

    /// What the header says the run does.
    pub fn title(self) -> &'static str {
        match self.action.get() {
            None => "Deprovisioning",
            Some(ActionKind::RemoveMember) => "Removing members",
            Some(ActionKind::DeprovisionScim) => "Deprovisioning SCIM identities",
            Some(ActionKind::CancelInvitation) => "Cancelling invitations",
            Some(ActionKind::RevokeCredential) => "Revoking authorizations",
            Some(ActionKind::OpenSsoPage) => "Working",
        }
    }

    fn begin(self, session: Session, action: Option<ActionKind>, items: Vec<(Target, Job)>) {
        if self.running.get_untracked() {
            return;
        }
        let items = items
            .into_iter()
            .map(|(target, job)| Item {
                entries: record(session, &target, &job),
                target,
                job,
                outcome: Outcome::Queued,
            })
            .collect();
        self.items.set(items);
        self.action.set(action);
        self.stop.set_value(Cancel::new());
        self.stop_reason.set_value("stopped by the owner".into());
        self.running.set(true);
        spawn_local(run(session, self));
    }

    /// The write in flight finishes; the rest are not sent, for `reason`.
    pub fn stop(self, reason: &str) {
        if self.running.try_get_untracked() == Some(true) {
            self.stop_reason.try_set_value(reason.to_owned());
            self.stop.try_with_value(Cancel::cancel);
        }
    }

    /// Forgets a finished run (its records stay in the journal).
    pub fn dismiss(self) {
        if !self.running.get_untracked() {
            self.items.set(Vec::new());
        }
    }

    /// Items whose outcome `pick` accepts (tracked).
    pub fn count(self, pick: impl Fn(&Outcome) -> bool) -> usize {
        self.items
            .with(|items| items.iter().filter(|i| pick(&i.outcome)).count())
    }

    /// The run's one-line result (`activity::run_summary`, tracked).
    pub fn summary(self, done: &str) -> String {
        self.items
            .with(|items| run_summary(items.iter().map(|i| &i.outcome), done))
    }
}

impl Default for Bulk {
    fn default() -> Self {
        Self::new()
    }
}

async fn run(session: Session, bulk: Bulk) {
    let Some(stop) = bulk.stop.try_get_value() else {
        return;
    };
    let count = bulk.items.with_untracked(Vec::len);
    let set = move |i: usize, outcome: Outcome| {
        bulk.items.try_update(|items| items[i].outcome = outcome);
    };
    let gate_closed = move || session.gate.try_with_untracked(|g| g.can_write()) != Some(true);
    for i in 0..count {
        if i > 0 {
            // Ends early on a stop or when the gate closes.
            let _ = sleep_unless(GAP_MS, &stop, gate_closed).await;
        }
        let refused = if stop.is_cancelled() {
            bulk.stop_reason.try_get_value()
        } else if gate_closed() {
            Some(not_sent_reason(session.gate.try_get_untracked().as_ref()))
        } else {
            None
        };
        if let Some(reason) = refused {
            for j in i..count {
                let Some(entries) = bulk
                    .items
                    .try_with_untracked(|items| items[j].entries.clone())
                else {
                    break;
                };
                let outcome = Outcome::NotSent(reason.clone());
                for entry in entries {
                    session.journal.settle(entry, outcome.clone(), None, None);
                }
                set(j, outcome);
            }
            break;
        }
        let Some(item) = bulk.items.try_with_untracked(|items| items[i].clone()) else {
            break;
        };
        set(i, Outcome::InFlight);
        let outcome = match &item.job {
            Job::Deprovision => {
                let entry = item.entries.first().copied().unwrap_or_default();
                outcome_of(&session.deprovision(entry, &item.target.id).await)
            }
            Job::Drift { .. } => session.run_plan(&item, &stop).await,
        };
        set(i, outcome);
    }
    bulk.running.try_set(false);
}

/// The journal entries of one item, queued: one per request it will send.
fn record(session: Session, target: &Target, job: &Job) -> Vec<u64> {
    let queued = |action: &str, id: &str| {
        session
            .journal
            .record(action, &target.user_name, id, Outcome::Queued)
    };
    match job {
        Job::Deprovision => vec![queued("deprovision", &target.id)],
        Job::Drift { plan, subject, .. } => plan
            .steps
            .iter()
            .map(|step| {
                queued(
                    super::drift_writes::action_name(step.kind),
                    &scim_id(step, subject),
                )
            })
            .collect(),
    }
}

/// The scim_user_id a step deletes, for the journal (empty for other steps).
fn scim_id(step: &console_core::drift::Step, subject: &Subject) -> String {
    match (step.kind, subject) {
        (console_core::drift::StepKind::DeleteScimIdentity, Subject::Identity(i)) => {
            i.scim_user_id.clone().unwrap_or_default()
        }
        _ => String::new(),
    }
}
