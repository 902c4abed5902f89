//! RFC 3339 timestamps and invitation ages.
use console_core::drift::{age_days, format_rfc3339, parse_rfc3339};

#[test]
fn parses_what_github_sends_and_refuses_the_rest() {
    let cases = [
        ("1970-01-01T00:00:00Z", Some(0)),
        ("2026-01-31T00:00:00Z", Some(1_769_817_600)),
        ("2011-01-26T19:06:43Z", Some(1_296_068_803)),
        ("2011-01-26T19:06:43.123Z", Some(1_296_068_803)),
        ("2016-11-30T06:46:10-08:00", Some(1_480_517_170)),
        ("2016-11-30T14:46:10+00:00", Some(1_480_517_170)),
        ("2024-02-29T00:00:00Z", Some(1_709_164_800)),
        ("2023-02-29T00:00:00Z", None),
        ("2026-13-01T00:00:00Z", None),
        ("2026-01-01T24:00:00Z", None),
        ("2026-01-01T00:00:00", None),
        ("2026-01-01T00:00:00.Z", None),
        ("2026-01-01T00:00:00+5:00", None),
        ("+026-01-01T00:00:00Z", None),
        ("2026-01-01", None),
        ("", None),
        ("2026-01-01T00:00:0ΩZ", None),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_rfc3339(text), expected, "{text}");
    }
}

#[test]
fn formats_and_round_trips() {
    for seconds in [
        0,
        951_782_400,
        1_709_164_800,
        1_769_817_600,
        4_102_444_799,
        -86_400,
    ] {
        let text = format_rfc3339(seconds);
        assert_eq!(parse_rfc3339(&text), Some(seconds), "{text}");
    }
    assert_eq!(format_rfc3339(1_769_817_600), "2026-01-31T00:00:00Z");
    assert_eq!(format_rfc3339(-1), "1969-12-31T23:59:59Z");
}

#[test]
fn ages_are_whole_days_and_never_negative() {
    let now = 1_769_817_600;
    assert_eq!(age_days("2026-01-30T00:00:01Z", now), Some(0));
    assert_eq!(age_days("2026-01-30T00:00:00Z", now), Some(1));
    assert_eq!(age_days("2025-01-31T00:00:00Z", now), Some(365));
    assert_eq!(
        age_days("2026-02-05T00:00:00Z", now),
        Some(0),
        "a clock ahead"
    );
    assert_eq!(age_days("yesterday", now), None);
}
