//! The emulator's GraphQL schema is a faithful subset of GitHub's: every type, field, argument,
//! type reference (nullability included), default value and enum value it exposes exists
//! identically in `@octokit/graphql-schema` (pinned in package.json, installed by `npm ci`).
use std::collections::{HashMap, HashSet};

use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};

const BUILT_IN: &[&str] = &["String", "Int", "Float", "Boolean", "ID"];

fn githubs_schema() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../node_modules/@octokit/graphql-schema/schema.graphql"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{path}: {e}. GitHub's published schema comes from npm: run `npm ci` at the root")
    })
}

/// Type name → (kind, fields or enum values as "name(args) -> type" lines).
fn shape(sdl: &str) -> HashMap<String, (&'static str, HashMap<String, String>)> {
    let document = parse_schema(sdl).unwrap_or_else(|e| panic!("{e}"));
    let mut types = HashMap::new();
    for definition in document.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let ty = ty.node;
        let (kind, members): (&str, HashMap<String, String>) = match &ty.kind {
            TypeKind::Scalar => ("scalar", HashMap::new()),
            TypeKind::Object(object) => ("type", fields(&object.fields)),
            TypeKind::Interface(interface) => ("interface", fields(&interface.fields)),
            TypeKind::Union(union) => (
                "union",
                union
                    .members
                    .iter()
                    .map(|m| (m.node.to_string(), String::new()))
                    .collect(),
            ),
            TypeKind::Enum(e) => (
                "enum",
                e.values
                    .iter()
                    .map(|v| (v.node.value.node.to_string(), String::new()))
                    .collect(),
            ),
            TypeKind::InputObject(input) => (
                "input",
                input
                    .fields
                    .iter()
                    .map(|f| (f.node.name.node.to_string(), f.node.ty.node.to_string()))
                    .collect(),
            ),
        };
        types.insert(ty.name.node.to_string(), (kind, members));
    }
    types
}

fn fields(
    fields: &[async_graphql::Positioned<async_graphql::parser::types::FieldDefinition>],
) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for field in fields {
        let field = &field.node;
        out.insert(field.name.node.to_string(), field.ty.node.to_string());
        for arg in &field.arguments {
            let default = arg.node.default_value.as_ref().map(|d| d.node.to_string());
            out.insert(
                format!("{}({})", field.name.node, arg.node.name.node),
                format!("{} = {default:?}", arg.node.ty.node),
            );
        }
    }
    out
}

/// What in `ours` is not exactly in `theirs`.
fn differences(ours: &str, theirs: &str) -> Vec<String> {
    let (ours, theirs) = (shape(ours), shape(theirs));
    let mut problems = Vec::new();
    for (name, (kind, members)) in &ours {
        if BUILT_IN.contains(&name.as_str()) {
            continue;
        }
        let Some((their_kind, their_members)) = theirs.get(name) else {
            problems.push(format!("{kind} {name} is not in GitHub's schema"));
            continue;
        };
        if kind != their_kind {
            problems.push(format!("{name} is a {kind} here, a {their_kind} on GitHub"));
        }
        for (member, ty) in members {
            match their_members.get(member) {
                None => problems.push(format!("{name}.{member} is not on GitHub")),
                Some(their_ty) if their_ty != ty => problems.push(format!(
                    "{name}.{member}: `{ty}` here, `{their_ty}` on GitHub"
                )),
                _ => {}
            }
        }
        if *kind == "enum" {
            let mine: HashSet<&String> = members.keys().collect();
            let github: HashSet<&String> = their_members.keys().collect();
            if mine != github {
                problems.push(format!("enum {name} has {mine:?}, GitHub {github:?}"));
            }
        }
    }
    problems
}

#[test]
fn every_type_field_and_argument_exposed_is_githubs() {
    let sdl = emulator::graphql::sdl();
    let problems = differences(&sdl, &githubs_schema());
    assert!(problems.is_empty(), "{problems:#?}\n{sdl}");
    // The drift review's types are all there.
    let ours = shape(&sdl);
    for name in [
        "Query",
        "Organization",
        "OrganizationIdentityProvider",
        "ExternalIdentityConnection",
        "ExternalIdentityEdge",
        "ExternalIdentity",
        "ExternalIdentitySamlAttributes",
        "ExternalIdentityScimAttributes",
        "UserEmailMetadata",
        "OrganizationInvitation",
        "User",
        "PageInfo",
        "RateLimit",
        "Enterprise",
        "EnterpriseOwnerInfo",
        "EnterpriseIdentityProvider",
    ] {
        assert!(ours.contains_key(name), "{name} missing");
    }
}

#[test]
fn the_check_catches_a_wrong_name_type_nullability_or_argument() {
    let github = "type PageInfo { endCursor: String hasNextPage: Boolean! }
        type Query { rateLimit(dryRun: Boolean = false): PageInfo }";
    let cases = [
        ("type PageInfo { endCursor: String! }", "nullability"),
        ("type PageInfo { end_cursor: String }", "name"),
        ("type PageInfo { hasNextPage: Int! }", "type"),
        (
            "type Query { rateLimit(dryRun: Boolean): PageInfo }",
            "default",
        ),
        (
            "type Query { rateLimit(dry: Boolean = false): PageInfo }",
            "argument",
        ),
        ("type Pages { endCursor: String }", "type name"),
    ];
    for (ours, what) in cases {
        assert!(
            !differences(ours, github).is_empty(),
            "missed a wrong {what}"
        );
    }
    assert!(differences("type PageInfo { endCursor: String }", github).is_empty());
}
