//! Whatever the organization looks like, the categories keep their rules: checked against a
//! naive restatement of each rule over random small worlds (few names, so collisions in
//! case, emails and GUIDs are common).
use std::collections::HashSet;

use console_core::drift::{
    Availability, CategoryId, Collaborator, ConsoleSelf, Credential, ExternalIdentity, Inputs,
    LinkedUser, Member, Review, Role, SamlAttributes, ScimAttributes, Subject,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use super::world::{pat, world};

const LOGINS: [&str; 6] = ["ana", "Ana", "bob", "cat", "dan", "eve"];
const EMAILS: [&str; 5] = [
    "a@x.example",
    "A@X.example",
    "b@x.example",
    "c@x.example",
    "ana",
];
const NAMES: [&str; 3] = ["Ana", "Bob", "ana"];

fn pick<T: Clone + std::fmt::Debug + 'static>(pool: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(pool)
}

fn emails() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(pick(&EMAILS).prop_map(String::from), 0..3)
}

fn node() -> impl Strategy<Value = ExternalIdentity> {
    let user = prop::option::of(pick(&LOGINS)).prop_map(|l| {
        l.map(|login| LinkedUser {
            login: login.into(),
            name: None,
        })
    });
    let saml = prop::option::of((
        prop::option::of(pick(&EMAILS)),
        emails(),
        prop::option::of(pick(&NAMES)),
    ))
    .prop_map(|s| {
        s.map(|(name_id, emails, given)| SamlAttributes {
            name_id: name_id.map(Into::into),
            emails,
            given_name: given.map(Into::into),
            family_name: Some("Smith".into()),
            ..SamlAttributes::default()
        })
    });
    let scim = prop::option::of((
        prop::option::of(pick(&EMAILS)),
        emails(),
        prop::option::of(pick(&NAMES)),
    ))
    .prop_map(|s| {
        s.map(|(username, emails, given)| ScimAttributes {
            username: username.map(Into::into),
            emails,
            given_name: given.map(Into::into),
            family_name: Some("smith".into()),
        })
    });
    (0..12u8, user, saml, scim).prop_map(|(guid, user, saml, scim)| ExternalIdentity {
        guid: format!("g{guid}"),
        user,
        saml,
        scim,
        invitation: None,
    })
}

fn logins() -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(pick(&LOGINS), 0..5)
}

fn organization() -> impl Strategy<Value = Inputs> {
    let credentials = prop::option::of(prop::collection::vec((0..8u64, pick(&LOGINS)), 0..8));
    (
        logins(),
        logins(),
        prop::collection::vec(node(), 0..12),
        credentials,
    )
        .prop_map(|(members, collaborators, identities, credentials)| {
            let mut input = world();
            input.members = members
                .iter()
                .map(|l| Member {
                    login: (*l).into(),
                    name: None,
                    role: Role::Unknown,
                })
                .collect();
            input.outside_collaborators = collaborators
                .iter()
                .map(|l| Collaborator {
                    login: (*l).into(),
                    name: None,
                })
                .collect();
            input.identities = identities;
            input.credentials = credentials.map(|c| {
                c.into_iter()
                    .map(|(id, login)| pat(id, login, "abcdefgh"))
                    .collect::<Vec<Credential>>()
            });
            input.console = ConsoleSelf::direct("xxabcdefgh", None);
            input
        })
}

fn lower(login: &str) -> String {
    login.to_ascii_lowercase()
}

fn keys(review: &Review, category: CategoryId) -> HashSet<String> {
    let rows = review.category(category).rows();
    rows.iter().map(|r| r.key.clone()).collect()
}

/// The organization as the rules read it, restated naively.
struct Naive<'a> {
    /// The first node of each GUID.
    nodes: Vec<&'a ExternalIdentity>,
    members: HashSet<String>,
    collaborators: HashSet<String>,
}

impl<'a> Naive<'a> {
    fn new(input: &'a Inputs) -> Self {
        let mut seen = HashSet::new();
        let nodes = input
            .identities
            .iter()
            .filter(|n| seen.insert(n.guid.clone()));
        Self {
            nodes: nodes.collect(),
            members: input.members.iter().map(|m| lower(&m.login)).collect(),
            collaborators: input
                .outside_collaborators
                .iter()
                .map(|c| lower(&c.login))
                .collect(),
        }
    }

    fn linked_to(&self, login: &str) -> Vec<&'a ExternalIdentity> {
        let linked =
            |n: &&&ExternalIdentity| n.user.as_ref().is_some_and(|u| lower(&u.login) == login);
        self.nodes.iter().filter(linked).copied().collect()
    }

    fn has_scim(&self, login: &str) -> bool {
        let named = |n: &&ExternalIdentity| {
            n.scim
                .as_ref()
                .and_then(|s| s.username.as_deref())
                .is_some_and(|u| !u.trim().is_empty())
        };
        self.linked_to(login).iter().any(named)
    }

    fn node(&self, guid: &str) -> &'a ExternalIdentity {
        self.nodes.iter().find(|n| n.guid == guid).copied().unwrap()
    }
}

fn check_members_and_identities(review: &Review, naive: &Naive) -> Result<(), TestCaseError> {
    let drift_member = |l: &&String| !naive.collaborators.contains(*l);
    let without_scim = naive
        .members
        .iter()
        .filter(drift_member)
        .filter(|l| !naive.has_scim(l));
    let without_scim: HashSet<String> = without_scim.map(|l| format!("member:{l}")).collect();
    let without_identity = naive
        .members
        .iter()
        .filter(drift_member)
        .filter(|l| naive.linked_to(l).is_empty());
    let without_identity: HashSet<String> =
        without_identity.map(|l| format!("member:{l}")).collect();
    prop_assert_eq!(keys(review, CategoryId::MembersWithoutScim), without_scim);
    prop_assert_eq!(
        keys(review, CategoryId::MembersWithoutIdentity),
        without_identity
    );
    let unlinked = naive
        .nodes
        .iter()
        .filter(|n| n.user.is_none() && n.scim.is_some());
    let unlinked: HashSet<String> = unlinked.map(|n| format!("identity:{}", n.guid)).collect();
    prop_assert_eq!(keys(review, CategoryId::UnlinkedScim), unlinked);
    let gone =
        |login: String| !naive.members.contains(&login) && !naive.collaborators.contains(&login);
    let stale = naive
        .nodes
        .iter()
        .filter(|n| n.user.as_ref().is_some_and(|u| gone(lower(&u.login))));
    let stale: HashSet<String> = stale.map(|n| format!("identity:{}", n.guid)).collect();
    prop_assert_eq!(keys(review, CategoryId::StaleLinks), stale);
    Ok(())
}

/// Outside collaborators are never in the drift.
fn check_collaborators(review: &Review, naive: &Naive) -> Result<(), TestCaseError> {
    for category in CategoryId::ALL.into_iter().filter(|c| c.is_drift()) {
        for row in review.category(category).rows() {
            for login in row.subject.logins() {
                let collaborator = naive.collaborators.contains(&lower(login));
                prop_assert!(!collaborator, "{:?} lists collaborator {}", category, login);
            }
        }
    }
    Ok(())
}

/// Every node is in at most one pairing, and its halves are what the rule says.
fn check_pairings(review: &Review, naive: &Naive) -> Result<(), TestCaseError> {
    let mut paired = HashSet::new();
    for row in review.category(CategoryId::NameIdMismatch).rows() {
        let Subject::Pairing(p) = &row.subject else {
            continue;
        };
        prop_assert!(!p.saml_guids.is_empty() && !p.scim_guids.is_empty());
        prop_assert_eq!(
            p.ambiguous,
            p.saml_guids.len() != 1 || p.scim_guids.len() != 1
        );
        for guid in p.saml_guids.iter().chain(&p.scim_guids) {
            prop_assert!(paired.insert(guid.clone()), "{} paired twice", guid);
        }
        for node in p.saml_guids.iter().map(|g| naive.node(g)) {
            prop_assert!(node.saml.is_some() && node.scim.is_none());
            let login = lower(&node.user.as_ref().unwrap().login);
            prop_assert!(!naive.has_scim(&login) && !naive.collaborators.contains(&login));
        }
        for node in p.scim_guids.iter().map(|g| naive.node(g)) {
            prop_assert!(node.user.is_none() && node.scim.is_some());
        }
    }
    Ok(())
}

/// Credentials: the first of each id, of a flagged person or a non-member, never of an
/// outside collaborator.
fn check_credentials(review: &Review, input: &Inputs, naive: &Naive) -> Result<(), TestCaseError> {
    let others = CategoryId::ALL
        .into_iter()
        .filter(|c| c.is_drift() && *c != CategoryId::Credentials);
    let rows = others.flat_map(|c| review.category(c).rows());
    let flagged: HashSet<String> = rows.flat_map(|r| r.subject.logins()).map(lower).collect();
    let mut first_of = std::collections::HashMap::new();
    for c in input.credentials.iter().flatten() {
        first_of.entry(c.credential_id).or_insert(c);
    }
    let listed = |c: &&&Credential| {
        let login = lower(&c.login);
        !naive.collaborators.contains(&login)
            && (flagged.contains(&login) || !naive.members.contains(&login))
    };
    let expected = first_of
        .values()
        .filter(listed)
        .map(|c| format!("credential:{}", c.credential_id));
    prop_assert_eq!(
        keys(review, CategoryId::Credentials),
        expected.collect::<HashSet<_>>()
    );
    Ok(())
}

/// The summary counts the tables; the bars are thousandths of the longest; the exports and
/// the actions cover every row.
fn check_summary_exports_and_actions(review: &Review) -> Result<(), TestCaseError> {
    let summary = review.summary(Some(&review.keys()));
    for entry in &summary.entries {
        let len = review.category(entry.category).len();
        prop_assert_eq!(entry.count.unwrap_or(0), len);
        prop_assert!(entry.bar_per_mille.unwrap_or(0) <= 1000);
        if let Some(change) = &entry.change {
            prop_assert!(change.added.is_empty() && change.resolved.is_empty());
            prop_assert_eq!(change.unchanged, len);
        }
    }
    let longest = summary.entries.iter().filter_map(|e| e.bar_per_mille).max();
    let any = summary
        .entries
        .iter()
        .any(|e| e.category.is_drift() && e.count.unwrap_or(0) > 0);
    prop_assert_eq!(longest == Some(1000), any);
    let total: usize = CategoryId::ALL
        .iter()
        .map(|c| review.category(*c).len())
        .sum();
    prop_assert_eq!(review.export_all_rows().rows.len(), total);
    for category in CategoryId::ALL {
        for row in review.category(category).rows() {
            prop_assert_eq!(row.cells.len(), category.columns().len());
            for offer in review.offers(category, row) {
                if let Availability::Write(write) = offer.availability {
                    prop_assert!(!write.plan.steps.is_empty());
                    prop_assert!(write.plan.steps.iter().all(|s| s.path.starts_with('/')));
                    prop_assert!(!write.confirmation.typed.is_empty());
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_categories_keep_their_rules(input in organization()) {
        let review = Review::build(&input);
        let naive = Naive::new(&input);
        check_members_and_identities(&review, &naive)?;
        check_collaborators(&review, &naive)?;
        check_pairings(&review, &naive)?;
        check_credentials(&review, &input, &naive)?;
        check_summary_exports_and_actions(&review)?;
    }
}
