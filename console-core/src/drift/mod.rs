//! The drift review: members (REST), external identities (GraphQL), SCIM identities (SCIM),
//! pending invitations and credential authorizations (REST) joined by login, SCIM userName
//! and email into the categories an owner acts on (`CategoryId`), each a filterable, sortable
//! table whose rows carry what they show and what their actions need. Pure: the console maps
//! GitHub's decoded types into [`Inputs`] and renders the result.
//!
//! - `input`, `credential`: what the review reads; `keys`: how names are compared;
//! - `index`: the lookups built once; `members`, `identities`, `pairing`, `mismatch`,
//!   `credentials`: one category rule each (the rules and their sources are on the functions);
//! - `summary`: counts, the change since the previous review, the chart's bars;
//! - `actions`, `plan`, `links`, `warnings`: what can be done about a row;
//! - `export`: rows for CSV and JSON.
mod actions;
mod category;
mod confirm;
mod credential;
mod credentials;
mod evidence;
mod export;
mod found;
pub mod github;
mod identities;
mod index;
mod input;
mod join;
mod keys;
mod links;
mod members;
mod mismatch;
mod offers;
mod pairing;
mod plan;
mod row;
mod subject;
mod summary;
mod time;
pub mod warnings;

pub use actions::{offers, ActionKind, Availability, Offer, Write};
pub use category::CategoryId;
pub use confirm::{check_for, Check, Listed};
pub use credential::{ConsoleSelf, Credential, CredentialKind, Ownership};
pub use export::ExportTable;
pub use input::{
    primary_first, Collaborator, ExternalIdentity, Invitation, InvitationSource, LinkedUser,
    Member, NodeInvitation, Role, SamlAttributes, ScimAttributes, ScimIdentity,
};
pub use links::{list_path, membership_path, segment, sso_page};
pub use plan::{item_outcome, Confirmation, Plan, Step, StepKind, StepOutcome};
pub use row::{Cell, ColumnIndex, ColumnSpec, DriftRow, DriftTable, Sort};
pub use subject::{
    CredentialSubject, IdentitySubject, MemberSubject, Owner, PairingSubject, Subject,
};
pub use summary::{Change, ReviewKeys, Summary, SummaryEntry};
pub use time::{age_days, format_rfc3339, parse_rfc3339};

/// Everything the review reads. `credentials` is `None` until the owner loads them.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub org: String,
    /// Unix seconds: invitation ages count to this.
    pub now: i64,
    pub members: Vec<Member>,
    pub outside_collaborators: Vec<Collaborator>,
    /// Build a review only when `samlIdentityProvider` could be read: without identities,
    /// every member would be "without a SCIM identity".
    pub identities: Vec<ExternalIdentity>,
    pub scim_identities: Vec<ScimIdentity>,
    /// Pending invitations, best fetched with `?invitation_source=scim`.
    pub invitations: Vec<Invitation>,
    pub credentials: Option<Vec<Credential>>,
    pub console: ConsoleSelf,
}

/// The review: one table per category.
#[derive(Debug)]
pub struct Review {
    pub org: String,
    pub now: i64,
    pub credentials_loaded: bool,
    pub console: ConsoleSelf,
    /// In `CategoryId::ALL` order.
    tables: Vec<DriftTable>,
}

impl Review {
    pub fn build(input: &Inputs) -> Self {
        let index = index::Index::new(input);
        let (without_scim, without_identity) = members::member_rows(&index);
        let groups = pairing::groups(&index);
        let likely_logins = groups
            .iter()
            .filter(|g| !g.ambiguous())
            .filter_map(|g| {
                Some((
                    g.scim[0],
                    index.node(g.saml[0]).user.as_ref()?.login.as_str(),
                ))
            })
            .collect();
        let unlinked = identities::unlinked_rows(&index, &likely_logins);
        let mut mismatched = mismatch::same_node_rows(&index);
        mismatched.extend(mismatch::pair_rows(&index, &groups));
        let stale = identities::stale_rows(&index);
        let flagged = [
            (CategoryId::MembersWithoutScim, without_scim.as_slice()),
            (CategoryId::MembersWithoutIdentity, &without_identity),
            (CategoryId::UnlinkedScim, &unlinked),
            (CategoryId::NameIdMismatch, &mismatched),
            (CategoryId::StaleLinks, &stale),
        ];
        let credentials = credentials::credential_rows(&index, &flagged);
        let collaborators = members::collaborator_rows(&index);
        let all = [
            (CategoryId::MembersWithoutScim, without_scim),
            (CategoryId::MembersWithoutIdentity, without_identity),
            (CategoryId::UnlinkedScim, unlinked),
            (CategoryId::NameIdMismatch, mismatched),
            (CategoryId::StaleLinks, stale),
            (CategoryId::Credentials, credentials),
            (CategoryId::OutsideCollaborators, collaborators),
        ];
        let tables = all
            .into_iter()
            .map(|(id, rows)| {
                debug_assert_eq!(CategoryId::ALL[id as usize], id);
                let mut table = DriftTable::default();
                table.upsert(rows);
                table
            })
            .collect();
        Self {
            org: input.org.clone(),
            now: input.now,
            credentials_loaded: input.credentials.is_some(),
            console: input.console.clone(),
            tables,
        }
    }

    pub fn category(&self, id: CategoryId) -> &DriftTable {
        &self.tables[id as usize]
    }

    /// After an action resolved a row, take it out (the next review would not find it).
    pub fn resolve(&mut self, id: CategoryId, key: &str) -> Option<DriftRow> {
        self.tables[id as usize].remove(key)
    }

    /// The actions of one row.
    /// A write's typed confirmation is what the row shows first (a stale identity is listed
    /// by its login, not by the userName its subject knows it by).
    pub fn offers(&self, id: CategoryId, row: &DriftRow) -> Vec<Offer> {
        let mut offers = actions::offers(&self.org, id, &row.subject, &self.console);
        for offer in &mut offers {
            if let actions::Availability::Write(write) = &mut offer.availability {
                row.name().clone_into(&mut write.confirmation.typed);
            }
        }
        offers
    }
}
