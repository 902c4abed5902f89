//! The drift review's writes: one item of a bulk run is a plan of DELETE steps (remove a
//! member; delete a SCIM identity; cancel an invitation, then its SCIM identity; revoke a
//! credential authorization). Each step is recorded in the journal before it leaves and settled
//! after; a step is sent only when the one before it succeeded (`Plan::next`), a second apart;
//! the client asks the gate as each attempt leaves. A finished item takes its row out of the
//! review.
use console_core::activity::Outcome;
use console_core::drift::{check_for, item_outcome, StepKind, StepOutcome};
use leptos::prelude::*;

use super::bulk::{Item, Job, GAP_MS};
use super::journal::outcome_of;
use super::Session;
use crate::api::cancel::sleep_unless;
use crate::api::{ApiError, Cancel};

/// How a step reads in the activity log.
pub fn action_name(kind: StepKind) -> &'static str {
    match kind {
        StepKind::RemoveMember => "remove member",
        StepKind::CancelInvitation => "cancel invitation",
        StepKind::DeleteScimIdentity => "deprovision",
        StepKind::RevokeCredential => "revoke credential authorization",
    }
}

impl Session {
    /// Runs `item`'s plan; returns the item's record. `stop` only shortens the pause between
    /// its steps: an item's second step follows its first unless the gate says no.
    pub async fn run_plan(self, item: &Item, stop: &Cancel) -> Outcome {
        let Job::Drift {
            category,
            plan,
            subject,
        } = &item.job
        else {
            return Outcome::Failed("not an action of the review".into());
        };
        let org = self.org();
        let gate_closed = move || self.gate.try_with_untracked(|g| g.can_write()) != Some(true);
        let mut records: Vec<(StepKind, Outcome)> = Vec::new();
        for (at, step) in plan.steps.iter().enumerate() {
            let entry = item.entries.get(at).copied().unwrap_or_default();
            let done: Vec<StepOutcome> = records.iter().map(|(_, o)| StepOutcome::of(o)).collect();
            if plan.next(&done) != Some(at) {
                let before = plan.steps[at - 1].kind.label();
                let outcome = Outcome::NotSent(format!("\"{before}\" did not succeed"));
                self.journal.settle(entry, outcome.clone(), None, None);
                records.push((step.kind, outcome));
                continue;
            }
            if at > 0 {
                let _ = sleep_unless(GAP_MS, stop, gate_closed).await;
            }
            self.journal.settle(entry, Outcome::InFlight, None, None);
            let result = match self.client.try_get_value() {
                Some(client) => {
                    let check = check_for(&org, step, subject);
                    client.delete_step(step, check, &Cancel::new()).await
                }
                None => Err(ApiError::not_sent(None)),
            };
            let outcome = outcome_of(&result);
            let request_id = match &result {
                Ok(done) => done.request_id.clone(),
                Err(e) => e.request_id.clone(),
            };
            self.journal
                .settle(entry, outcome.clone(), None, request_id.as_deref());
            if result.is_ok() && step.kind == StepKind::DeleteScimIdentity {
                if let console_core::drift::Subject::Identity(identity) = subject {
                    if let Some(id) = &identity.scim_user_id {
                        self.members.remove(id);
                    }
                }
            }
            records.push((step.kind, outcome));
        }
        let outcome = item_outcome(&records);
        if matches!(outcome, Outcome::Done(_)) {
            self.review.resolve(*category, &item.target.id);
        }
        outcome
    }
}
