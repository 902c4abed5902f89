//! Activity exports: CSV that spreadsheets read safely, JSON with every field.
use console_core::activity::{
    from_storage, run_summary, to_csv, to_json, to_storage, Activity, Outcome,
};

fn entry(identity: &str, outcome: Outcome) -> Activity {
    Activity {
        id: 1,
        time: "2026-11-29T10:00:00Z".into(),
        action: "deprovision".into(),
        identity: identity.into(),
        scim_user_id: "abc".into(),
        outcome,
        request_id: "0400:1234".into(),
    }
}

#[test]
fn csv_quotes_every_cell_and_defuses_formulas_anywhere_a_field_could_start() {
    let csv = to_csv(&[
        entry("o\"brien, jr@example.com", Outcome::Done(String::new())),
        entry("=HYPERLINK(\"x\")", Outcome::Failed("500".into())),
        // Opened where `;` is the separator, this would be a cell `=2+5`.
        entry("x;=2+5", Outcome::Failed("-1".into())),
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
    let json: serde_json::Value = serde_json::from_str(&to_json(&[entry(
        "zoë@example.com",
        Outcome::Done(String::new()),
    )]))
    .unwrap();
    assert_eq!(json[0]["identity"], "zoë@example.com");
    assert_eq!(json[0]["request_id"], "0400:1234");
    assert_eq!(json[0]["outcome"], "done");
    assert_eq!(to_json(&[]), "[]");
}

#[test]
fn outcomes_read_as_the_owner_reads_them() {
    let rows = [
        (Outcome::Queued, "queued"),
        (Outcome::InFlight, "in flight"),
        (Outcome::Done(String::new()), "done"),
        (
            Outcome::Done("confirmed by look-up".into()),
            "done (confirmed by look-up)",
        ),
        (Outcome::Failed("403".into()), "failed: 403"),
        (
            Outcome::NotSent("SAML session not authorized".into()),
            "not sent: SAML session not authorized",
        ),
        (
            Outcome::Unknown("no answer".into()),
            "outcome unknown: no answer",
        ),
    ];
    for (outcome, text) in rows {
        assert_eq!(outcome.to_string(), text);
    }
}

#[test]
fn a_reload_settles_what_nobody_is_sending_any_more() {
    let log = [
        Activity {
            id: 1,
            ..entry("a@example.com", Outcome::Done(String::new()))
        },
        Activity {
            id: 2,
            ..entry("b@example.com", Outcome::InFlight)
        },
        Activity {
            id: 3,
            ..entry("c@example.com", Outcome::Queued)
        },
    ];
    let back = from_storage(&to_storage(&log));
    assert_eq!(back.len(), 3);
    assert_eq!(back[0], log[0]);
    assert!(back[1]
        .outcome
        .to_string()
        .starts_with("outcome unknown: the tab was reloaded"));
    assert!(back[2]
        .outcome
        .to_string()
        .starts_with("not sent: the tab was reloaded"));
    assert!(back.iter().all(|e| e.outcome.is_settled()));
    assert_eq!(from_storage("garbage"), vec![]);
}

#[test]
fn a_runs_result_line_counts_each_settled_outcome_once() {
    let done = || Outcome::Done(String::new());
    let run = [
        done(),
        Outcome::Failed("422".into()),
        done(),
        Outcome::NotSent("SAML".into()),
        Outcome::InFlight,
        Outcome::Queued,
    ];
    assert_eq!(
        run_summary(&run, "removed"),
        "2 removed, 1 failed, 1 not sent."
    );
    let lost = [done(), Outcome::Unknown("connection closed".into())];
    assert_eq!(
        run_summary(&lost, "done"),
        "1 done, 0 failed, 0 not sent, 1 outcome unknown."
    );
    assert_eq!(run_summary(&[], "done"), "0 done, 0 failed, 0 not sent.");
}
