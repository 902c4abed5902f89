//! NameID ≠ SCIM userName (contract §5c), both as GitHub shows it: inside one node
//! (`samlIdentity.nameId` vs `scimIdentity.username`, exact comparison, case-only differences
//! flagged apart), and as two nodes paired by `pairing`.
use super::index::Index;
use super::keys;
use super::pairing::{Evidence, Group};
use super::row::{Cell, DriftRow};
use super::subject::{PairingSubject, Subject};

const CASE_ONLY: &str = "case only";
const DIFFERENT: &str = "different";

fn difference(name_id: Option<&str>, user_name: Option<&str>) -> Cell {
    match (name_id, user_name) {
        (Some(a), Some(b)) if keys::case_only_difference(a, b) => Cell::text(CASE_ONLY),
        (Some(a), Some(b)) if a != b => Cell::text(DIFFERENT),
        _ => Cell::Empty,
    }
}

/// Nodes with both a NameID and a userName that differ (the login, if any, not an outside
/// collaborator).
/// The kind of a row whose SAML NameID and SCIM userName are on one identity and differ.
pub const ONE_IDENTITY: &str = "the NameID and userName of one identity differ";

pub(super) fn same_node_rows(index: &Index) -> Vec<DriftRow> {
    let mut rows = Vec::new();
    for &at in &index.nodes {
        let node = index.node(at);
        let name_id = node
            .saml
            .as_ref()
            .and_then(|s| keys::present(s.name_id.as_deref()));
        let user_name = node
            .scim
            .as_ref()
            .and_then(|s| keys::present(s.username.as_deref()));
        let (Some(a), Some(b)) = (name_id, user_name) else {
            continue;
        };
        let login = node.user.as_ref().map(|u| u.login.as_str());
        if a == b || login.is_some_and(|l| index.is_collaborator(l)) {
            continue;
        }
        let cells = vec![
            Cell::optional(login),
            Cell::text(ONE_IDENTITY),
            Cell::text(a),
            Cell::text(b),
            difference(name_id, user_name),
            Cell::text("both values are on this one external identity"),
            Cell::text(&node.guid),
        ];
        let subject = Subject::Identity(super::identities::subject(index, node));
        rows.push(DriftRow::new(
            format!("nameid:{}", node.guid),
            cells,
            subject,
        ));
    }
    rows
}

/// One row per pairing group: a likely match, or an ambiguous group listing every node.
pub(super) fn pair_rows(index: &Index, groups: &[Group]) -> Vec<DriftRow> {
    let mut rows = Vec::new();
    for group in groups {
        let saml: Vec<_> = group.saml.iter().map(|&at| index.node(at)).collect();
        let scim: Vec<_> = group.scim.iter().map(|&at| index.node(at)).collect();
        let logins: Vec<&str> = saml
            .iter()
            .filter_map(|n| n.user.as_ref().map(|u| u.login.as_str()))
            .collect();
        let name_ids: Vec<&str> = saml
            .iter()
            .filter_map(|n| {
                n.saml
                    .as_ref()
                    .and_then(|s| keys::present(s.name_id.as_deref()))
            })
            .collect();
        let user_names: Vec<&str> = scim
            .iter()
            .filter_map(|n| {
                n.scim
                    .as_ref()
                    .and_then(|s| keys::present(s.username.as_deref()))
            })
            .collect();
        let guids: Vec<String> = saml.iter().chain(&scim).map(|n| n.guid.clone()).collect();
        let (kind, key, difference) = if group.ambiguous() {
            let mut sorted = guids.clone();
            sorted.sort();
            let kind = format!(
                "ambiguous: {} SAML, {} SCIM identities",
                saml.len(),
                scim.len()
            );
            (kind, format!("ambiguous:{}", sorted.join(",")), Cell::Empty)
        } else {
            let key = format!("pair:{}:{}", guids[0], guids[1]);
            let difference = difference(name_ids.first().copied(), user_names.first().copied());
            (
                "two identities, likely the same person".to_owned(),
                key,
                difference,
            )
        };
        let evidence = match &group.evidence {
            Evidence::Email(values) => format!("same email: {}", values.join(", ")),
            Evidence::Name(values) => format!("same name: {}", values.join(", ")),
        };
        let cells = vec![
            Cell::optional(Some(logins.join(", ").as_str())),
            Cell::text(kind),
            Cell::optional(Some(name_ids.join(", ").as_str())),
            Cell::optional(Some(user_names.join(", ").as_str())),
            difference,
            Cell::text(evidence),
            Cell::text(guids.join(", ")),
        ];
        let member_logins = logins
            .iter()
            .filter(|l| index.is_member(l))
            .map(|l| (*l).to_owned())
            .collect();
        let subject = Subject::Pairing(PairingSubject {
            saml_guids: saml.iter().map(|n| n.guid.clone()).collect(),
            scim_guids: scim.iter().map(|n| n.guid.clone()).collect(),
            logins: logins.iter().map(|l| (*l).to_owned()).collect(),
            member_logins,
            ambiguous: group.ambiguous(),
        });
        rows.push(DriftRow::new(key, cells, subject));
    }
    rows
}
