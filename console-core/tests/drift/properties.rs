//! Whatever the organization looks like, the categories keep their rules: checked against a
//! naive restatement of each rule over random small worlds (few names, so collisions in
//! case, emails and GUIDs are common).
use std::collections::HashSet;

use console_core::drift::{
    CategoryId, Collaborator, ConsoleSelf, Credential, ExternalIdentity, Inputs, LinkedUser,
    Member, Review, Role, SamlAttributes, ScimAttributes, Subject,
};
use proptest::prelude::*;

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

/// The nodes as the review sees them: the first of each GUID.
fn unique_nodes(input: &Inputs) -> Vec<&ExternalIdentity> {
    let mut seen = HashSet::new();
    input
        .identities
        .iter()
        .filter(|n| seen.insert(n.guid.clone()))
        .collect()
}

fn keys(review: &Review, category: CategoryId) -> HashSet<String> {
    review
        .category(category)
        .rows()
        .iter()
        .map(|r| r.key.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_categories_keep_their_rules(input in organization()) {
        let review = Review::build(&input);
        let nodes = unique_nodes(&input);
        let members: HashSet<String> = input.members.iter().map(|m| lower(&m.login)).collect();
        let collaborators: HashSet<String> = input.outside_collaborators.iter().map(|c| lower(&c.login)).collect();
        let linked_to = |login: &str| -> Vec<&ExternalIdentity> { nodes.iter().filter(|n| n.user.as_ref().is_some_and(|u| lower(&u.login) == login)).copied().collect() };
        let has_scim = |login: &str| linked_to(login).iter().any(|n| n.scim.as_ref().and_then(|s| s.username.as_deref()).is_some_and(|u| !u.trim().is_empty()));

        let expected_without_scim: HashSet<String> = members.iter().filter(|l| !collaborators.contains(*l) && !has_scim(l)).map(|l| format!("member:{l}")).collect();
        let expected_without_identity: HashSet<String> = members.iter().filter(|l| !collaborators.contains(*l) && linked_to(l).is_empty()).map(|l| format!("member:{l}")).collect();
        prop_assert_eq!(keys(&review, CategoryId::MembersWithoutScim), expected_without_scim);
        prop_assert_eq!(keys(&review, CategoryId::MembersWithoutIdentity), expected_without_identity);

        let unlinked: HashSet<String> = nodes.iter().filter(|n| n.user.is_none() && n.scim.is_some()).map(|n| format!("identity:{}", n.guid)).collect();
        prop_assert_eq!(keys(&review, CategoryId::UnlinkedScim), unlinked);
        let stale: HashSet<String> = nodes.iter().filter(|n| n.user.as_ref().is_some_and(|u| !members.contains(&lower(&u.login)) && !collaborators.contains(&lower(&u.login)))).map(|n| format!("identity:{}", n.guid)).collect();
        prop_assert_eq!(keys(&review, CategoryId::StaleLinks), stale);

        // Outside collaborators: shown apart, never in the drift.
        for category in CategoryId::ALL.into_iter().filter(|c| c.is_drift()) {
            for row in review.category(category).rows() {
                for login in row.subject.logins() {
                    prop_assert!(!collaborators.contains(&lower(login)), "{:?} lists collaborator {}", category, login);
                }
            }
        }
        // Every node is in at most one pairing; the halves are what the rule says.
        let mut paired = HashSet::new();
        for row in review.category(CategoryId::NameIdMismatch).rows() {
            if let Subject::Pairing(p) = &row.subject {
                prop_assert!(!p.saml_guids.is_empty() && !p.scim_guids.is_empty());
                prop_assert_eq!(p.ambiguous, p.saml_guids.len() != 1 || p.scim_guids.len() != 1);
                for guid in p.saml_guids.iter().chain(&p.scim_guids) {
                    prop_assert!(paired.insert(guid.clone()), "{} paired twice", guid);
                }
                for guid in &p.saml_guids {
                    let node = nodes.iter().find(|n| &n.guid == guid).unwrap();
                    prop_assert!(node.user.is_some() && node.saml.is_some() && node.scim.is_none());
                    prop_assert!(!has_scim(&lower(&node.user.as_ref().unwrap().login)));
                }
                for guid in &p.scim_guids {
                    let node = nodes.iter().find(|n| &n.guid == guid).unwrap();
                    prop_assert!(node.user.is_none() && node.scim.is_some());
                }
            }
        }
        // Credentials: of flagged people or non-members, never of collaborators.
        let flagged: HashSet<String> = CategoryId::ALL.into_iter().filter(|c| c.is_drift() && *c != CategoryId::Credentials)
            .flat_map(|c| review.category(c).rows().iter().flat_map(|r| r.subject.logins()).map(lower).collect::<Vec<_>>())
            .collect();
        let credential_ids: HashSet<u64> = input.credentials.iter().flatten()
            .filter(|c| !collaborators.contains(&lower(&c.login)) && (flagged.contains(&lower(&c.login)) || !members.contains(&lower(&c.login))))
            .map(|c| c.credential_id).collect();
        // The first credential of an id decides whether it is listed.
        let mut first_of = std::collections::HashMap::new();
        for c in input.credentials.iter().flatten() {
            first_of.entry(c.credential_id).or_insert(c);
        }
        let expected: HashSet<String> = first_of.values().filter(|c| credential_ids.contains(&c.credential_id) && !collaborators.contains(&lower(&c.login)) && (flagged.contains(&lower(&c.login)) || !members.contains(&lower(&c.login)))).map(|c| format!("credential:{}", c.credential_id)).collect();
        prop_assert_eq!(keys(&review, CategoryId::Credentials), expected);

        // The summary counts the tables, and the bars are thousandths of the longest.
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
        let bars: Vec<u16> = summary.entries.iter().filter_map(|e| e.bar_per_mille).collect();
        let any = summary.entries.iter().any(|e| e.category.is_drift() && e.count.unwrap_or(0) > 0);
        prop_assert_eq!(bars.iter().max().copied() == Some(1000), any);
        let total: usize = CategoryId::ALL.iter().map(|c| review.category(*c).len()).sum();
        prop_assert_eq!(review.export_all_rows().rows.len(), total);

        // Every action of every row is well formed.
        for category in CategoryId::ALL {
            for row in review.category(category).rows() {
                prop_assert_eq!(row.cells.len(), category.columns().len());
                for offer in review.offers(category, row) {
                    if let console_core::drift::Availability::Write(write) = offer.availability {
                        prop_assert!(!write.plan.steps.is_empty());
                        prop_assert!(write.plan.steps.iter().all(|s| s.path.starts_with("/")));
                        prop_assert!(!write.confirmation.typed.is_empty());
                    }
                }
            }
        }
    }
}
