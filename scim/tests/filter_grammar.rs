//! One grammar for filters: what the console builds, the emulator parses back to the same value.
use scim::query::{EqFilter, FilterAttribute, ListParams};
use scim::ScimType;

fn parse(raw: &str) -> Result<EqFilter, String> {
    EqFilter::parse(raw).map_err(|e| {
        assert_eq!(e.scim_type, Some(ScimType::InvalidFilter), "{raw}");
        assert_eq!(e.status, 400);
        e.detail
    })
}

/// Failed before the grammar was shared: the client wrote a tab as `\u0009` and the emulator
/// read back the letters `u0009`.
#[test]
fn a_control_character_survives_the_round_trip() {
    let built = EqFilter::new(FilterAttribute::UserName, "tab\there\u{1}");
    assert_eq!(parse(&built.expression()), Ok(built));
}

#[test]
fn parses_the_four_attributes_case_insensitively() {
    let cases = [
        (r#"userName eq "mona""#, FilterAttribute::UserName),
        (r#"USERNAME EQ "mona""#, FilterAttribute::UserName),
        (r#"emails eq "mona""#, FilterAttribute::Emails),
        (r#"emails.value eq "mona""#, FilterAttribute::Emails),
        (r#"externalId eq "mona""#, FilterAttribute::ExternalId),
        (r#"  id   eq   "mona"  "#, FilterAttribute::Id),
    ];
    for (raw, attribute) in cases {
        assert_eq!(parse(raw), Ok(EqFilter::new(attribute, "mona")), "{raw}");
    }
}

#[test]
fn json_escapes_are_read_as_json() {
    let f = parse(r#"userName eq "o\"brien\\x\u00e9\n""#);
    assert_eq!(
        f,
        Ok(EqFilter::new(FilterAttribute::UserName, "o\"brien\\xé\n"))
    );
}

#[test]
fn other_operators_attributes_and_shapes_say_what_works() {
    for bad in [
        r#"userName co "mo""#,
        r#"displayName eq "Mona""#,
        r#"userName eq "a" and id eq "b""#,
        r#"userName eq mona"#,
        r#"userName eq "unterminated"#,
        r#"userName eq "bad \q escape""#,
        "userName eq \"raw\ttab\"",
        "userName",
        "",
    ] {
        let detail = parse(bad).unwrap_err();
        assert!(
            detail.contains("Only `eq` on id, userName, emails or externalId is supported"),
            "{bad}: {detail}"
        );
    }
}

#[test]
fn list_params_follow_rfc_7644_for_odd_values() {
    let params = |start: Option<i64>, count: Option<i64>| ListParams {
        start_index: start,
        count,
        filter: None,
    };
    let query = params(Some(-5), Some(-1)).into_query(100).unwrap();
    assert_eq!((query.start_index, query.count), (1, 0));
    let query = params(None, None).into_query(100).unwrap();
    assert_eq!((query.start_index, query.count), (1, 30));
    let query = params(Some(7), Some(1_000)).into_query(100).unwrap();
    assert_eq!((query.start_index, query.count), (7, 100));
    let bad = ListParams {
        filter: Some("title eq \"x\"".into()),
        ..ListParams::default()
    };
    assert_eq!(
        bad.into_query(100).unwrap_err().scim_type,
        Some(ScimType::InvalidFilter)
    );
}

/// Properties run natively only: proptest needs an OS random source, which wasm32 lacks.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Characters that break naive quoting, mixed with anything at all.
    fn hostile_char() -> impl Strategy<Value = char> {
        prop_oneof![
            any::<char>(),
            prop::sample::select(vec![
                '"', '\\', '\n', '\r', '\t', '\0', '\u{1f}', '\u{7f}', '\u{85}', '\u{2028}', 'é',
                'ß', '漢', '😀', ' ', '/', 'u',
            ]),
        ]
    }

    fn attribute() -> impl Strategy<Value = FilterAttribute> {
        prop::sample::select(FilterAttribute::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn build_then_parse_gives_back_the_value(
            attribute in attribute(),
            value in prop::collection::vec(hostile_char(), 0..40).prop_map(String::from_iter),
        ) {
            let built = EqFilter::new(attribute, value);
            prop_assert_eq!(parse(&built.expression()), Ok(built));
        }

        #[test]
        fn no_value_can_add_a_second_expression(
            value in prop::collection::vec(hostile_char(), 0..40).prop_map(String::from_iter),
        ) {
            let expression = EqFilter::new(FilterAttribute::Id, value).expression();
            let injected = format!("{expression} or userName eq \"x\"");
            prop_assert!(parse(&injected).is_err());
        }
    }
}
