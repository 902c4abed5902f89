//! What a query costs, GitHub's way (rate-limit docs, contract §2.2): count the requests each
//! connection needs if every `first`/`last` is reached (one per parent node), divide by 100,
//! round, at least 1 point; `nodeCount` is the number of nodes the query may return. The only
//! connection the emulator serves is `externalIdentities`, so the drift query costs 1.
use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, Selection, SelectionSet,
};
use async_graphql::{Name, Value, Variables};

const CONNECTIONS: &[&str] = &["externalIdentities"];
/// Fragments nest at most this deep here (validation rejects cycles later; this only guards).
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cost {
    pub points: u64,
    pub nodes: u64,
}

/// The cost of `operation` (or the only one) in `query`; 1 point for what cannot be parsed.
pub fn of(query: &str, operation: Option<&str>, variables: &Variables) -> Cost {
    let Ok(document) = async_graphql::parser::parse_query(query) else {
        return Cost {
            points: 1,
            nodes: 0,
        };
    };
    let selection = match &document.operations {
        DocumentOperations::Single(op) => Some(&op.node.selection_set.node),
        DocumentOperations::Multiple(ops) => operation
            .and_then(|name| ops.get(&Name::new(name)))
            .or_else(|| (ops.len() == 1).then(|| ops.values().next()).flatten())
            .map(|op| &op.node.selection_set.node),
    };
    let mut tally = (0u64, 0u64);
    if let Some(selection) = selection {
        walk(&document, selection, 1, variables, &mut tally, 0);
    }
    let (requests, nodes) = tally;
    Cost {
        points: ((requests as f64 / 100.0).round() as u64).max(1),
        nodes,
    }
}

fn walk(
    document: &ExecutableDocument,
    set: &SelectionSet,
    parents: u64,
    variables: &Variables,
    tally: &mut (u64, u64),
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                let field = &field.node;
                let mut below = parents;
                if CONNECTIONS.contains(&field.name.node.as_str()) {
                    let size = ["first", "last"]
                        .iter()
                        .find_map(|bound| {
                            let value = field.get_argument(bound)?.node.clone();
                            let value = value
                                .into_const_with(|name| variables.get(&name).cloned().ok_or(()))
                                .ok()?;
                            match value {
                                Value::Number(n) => n.as_u64(),
                                _ => None,
                            }
                        })
                        .unwrap_or(0)
                        .min(100);
                    tally.0 += parents;
                    tally.1 += parents * size;
                    below = parents * size.max(1);
                }
                walk(
                    document,
                    &field.selection_set.node,
                    below,
                    variables,
                    tally,
                    depth + 1,
                );
            }
            Selection::FragmentSpread(spread) => {
                if let Some(fragment) = document.fragments.get(&spread.node.fragment_name.node) {
                    walk(
                        document,
                        &fragment.node.selection_set.node,
                        parents,
                        variables,
                        tally,
                        depth + 1,
                    );
                }
            }
            Selection::InlineFragment(inline) => {
                walk(
                    document,
                    &inline.node.selection_set.node,
                    parents,
                    variables,
                    tally,
                    depth + 1,
                );
            }
        }
    }
}
