//! Activity exports: CSV that spreadsheets read safely, JSON with every field.
use console_core::activity::{to_csv, to_json, Activity};

fn entry(identity: &str, outcome: &str) -> Activity {
    Activity {
        time: "2026-11-29T10:00:00Z".into(),
        action: "deprovision".into(),
        identity: identity.into(),
        scim_user_id: "abc".into(),
        outcome: outcome.into(),
        request_id: "0400:1234".into(),
    }
}

#[test]
fn csv_quotes_every_cell_and_defuses_formulas_anywhere_a_field_could_start() {
    let csv = to_csv(&[
        entry("o\"brien, jr@example.com", "done"),
        entry("=HYPERLINK(\"x\")", "failed: 500"),
        // Opened where `;` is the separator, this would be a cell `=2+5`.
        entry("x;=2+5", "failed: -1"),
    ]);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        r#""time","action","identity","scim_user_id","outcome","request_id""#
    );
    assert_eq!(
        lines[1],
        r#""2026-11-29T10:00:00Z","deprovision","o""brien, jr@example.com","abc","done","0400:1234""#
    );
    assert_eq!(
        lines[2],
        r#""2026-11-29T10:00:00Z","deprovision","'=HYPERLINK(""x"")","abc","failed: 500","0400:1234""#
    );
    assert_eq!(
        lines[3],
        r#""2026-11-29T10:00:00Z","deprovision","x;'=2+5","abc","failed: -1","0400:1234""#
    );
    assert_eq!(lines.len(), 5, "ends with a line break");
}

#[test]
fn json_has_every_field() {
    let json: serde_json::Value =
        serde_json::from_str(&to_json(&[entry("zoë@example.com", "done")])).unwrap();
    assert_eq!(json[0]["identity"], "zoë@example.com");
    assert_eq!(json[0]["request_id"], "0400:1234");
    assert_eq!(to_json(&[]), "[]");
}
