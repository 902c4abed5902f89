//! Prints every GraphQL query string the console sends (`scim::org::graphql::QUERIES`) as one
//! JSON object, name → query, for `scripts/check-graphql.mjs`, which validates them against
//! GitHub's published schema: what is checked is exactly what is sent.
fn main() {
    let queries: serde_json::Map<String, serde_json::Value> = scim::org::graphql::QUERIES
        .iter()
        .map(|(name, query)| ((*name).to_owned(), (*query).into()))
        .collect();
    println!("{}", serde_json::Value::Object(queries));
}
