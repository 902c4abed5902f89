//! The saved copy's age limit and a site's refusal of it, as config.json sets them.
use console_core::saved_copy::{CopyPolicy, Verdict};

const DAY: f64 = 24.0 * 3600.0 * 1000.0;
const NOW: f64 = 1_800_000_000_000.0;

fn policy(json: &str) -> Result<CopyPolicy, String> {
    serde_json::from_str::<CopyPolicy>(json)
        .map_err(|e| e.to_string())
        .and_then(|p| p.checked())
}

#[test]
fn by_default_a_copy_is_shown_for_seven_days() {
    let default = policy("{}").unwrap();
    assert_eq!(default, CopyPolicy::default());
    assert!(default.allowed());
    assert_eq!(default.judge(NOW - 6.9 * DAY, NOW), Verdict::Show);
    assert_eq!(default.judge(NOW - 7.1 * DAY, NOW), Verdict::Expired);
    assert_eq!(default.judge(NOW, NOW), Verdict::Show);
}

#[test]
fn a_site_sets_the_age_in_days() {
    let one = policy(r#"{"savedCopyMaxAgeDays": 1}"#).unwrap();
    assert_eq!(one.judge(NOW - 0.9 * DAY, NOW), Verdict::Show);
    assert_eq!(one.judge(NOW - 2.0 * DAY, NOW), Verdict::Expired);
    for bad in [
        r#"{"savedCopyMaxAgeDays": 0}"#,
        r#"{"savedCopyMaxAgeDays": 366}"#,
        r#"{"savedCopyMaxAgeDays": -1}"#,
        r#"{"savedCopyMaxAgeDays": "7"}"#,
    ] {
        assert!(policy(bad).is_err(), "{bad}");
    }
    assert!(
        policy(r#"{"savedCopyMaxAgeDays": 0}"#).is_err_and(|e| e.contains("savedCopyMaxAgeDays"))
    );
}

#[test]
fn a_site_can_forbid_the_copy() {
    let forbidden = policy(r#"{"allowSavedCopy": false}"#).unwrap();
    assert!(!forbidden.allowed());
    assert_eq!(forbidden.judge(NOW, NOW), Verdict::Forbidden);
}

#[test]
fn a_copy_from_the_future_or_with_no_time_is_expired() {
    let default = CopyPolicy::default();
    // A clock set back after saving would keep such a copy forever.
    assert_eq!(default.judge(NOW + DAY, NOW), Verdict::Expired);
    assert_eq!(default.judge(f64::NAN, NOW), Verdict::Expired);
    assert_eq!(default.judge(f64::INFINITY, NOW), Verdict::Expired);
    // A few minutes ahead is another tab's clock, not a broken one.
    assert_eq!(default.judge(NOW + 60_000.0, NOW), Verdict::Show);
}
