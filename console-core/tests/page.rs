//! The member table's page decode gives exactly the rows the whole `ScimUser` decode gives.
use console_core::page::Page;
use console_core::table::Row;
use scim::ListResponse;
use serde_json::json;

fn both(body: &serde_json::Value) -> (Vec<Row>, Page) {
    let bytes = serde_json::to_vec(body).unwrap();
    let whole: ListResponse = serde_json::from_slice(&bytes).unwrap();
    let rows = whole.resources.iter().map(Row::from).collect();
    (rows, Page::from_slice(&bytes).unwrap())
}

#[test]
fn every_shape_of_identity_gives_the_same_row() {
    let user = |extra: serde_json::Value| {
        let mut u = json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "id": "id-1", "userName": "zoe@x.example", "active": true,
            "emails": [{"value": "zoe@x.example", "primary": true, "type": "work"}],
            "meta": {"resourceType": "User", "created": "2024-01-01T00:00:00Z",
                     "lastModified": "2024-02-01T00:00:00Z", "location": "https://x/1"},
        });
        u.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        u
    };
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": 1234, "itemsPerPage": 6, "startIndex": 1,
        "Resources": [
            user(json!({"displayName": "Zoë \"Z\" Müller\n", "profileUrl": "https://github.com/z",
                        "groups": [{"value": "g", "display": "G"}]})),
            user(json!({"id": "id-2", "displayName": "", "name": {"formatted": "Formatted Name"}})),
            user(json!({"id": "id-3", "name": {"givenName": "Given", "familyName": "Family"},
                        "externalId": "00u\\u00e9", "profileUrl": null})),
            user(json!({"id": "id-4", "name": {"familyName": "Only"}, "active": false,
                        "emails": [{"value": "b@x"}, {"value": "p@x", "primary": true}]})),
            user(json!({"id": "id-5", "emails": [], "externalId": null, "meta": {}})),
            user(json!({"id": "id-6", "userName": null, "emails": [{"value": "first@x"}, {"value": "second@x"}]})),
        ],
    });
    let (rows, page) = both(&body);
    assert_eq!(page.total_results, 1234);
    assert_eq!(page.rows, rows);
    assert_eq!(rows[0].name, "Zoë \"Z\" Müller\n", "escapes decoded");
    assert_eq!(rows[3].email, "p@x", "the primary email, wherever it is");
    assert_eq!(rows[5].email, "first@x", "else the first");
    assert!(!rows[0].pending && rows[1].pending && rows[2].pending);
}

#[test]
fn a_total_only_answer_and_broken_bodies() {
    let page = Page::from_slice(
        br#"{"totalResults": 7, "itemsPerPage": 0, "startIndex": 1, "schemas": []}"#,
    )
    .unwrap();
    assert_eq!((page.total_results, page.rows.len()), (7, 0));
    for broken in [
        &b"{"[..],
        b"[]",
        br#"{"totalResults": 1, "Resources": [{"userName": "no id", "active": true}]}"#,
    ] {
        assert!(
            Page::from_slice(broken).is_err(),
            "{}",
            String::from_utf8_lossy(broken)
        );
    }
}
