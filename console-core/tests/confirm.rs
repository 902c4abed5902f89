use console_core::confirm::confirms;

#[test]
fn what_is_shown_confirms_as_it_is_typed_or_pasted() {
    for (typed, expected) in [
        ("mona", "mona"),
        ("3", "3"),
        ("  mona  ", "mona"),
        ("padded name", "  padded name  "),
        // A paste turns each line break into a space.
        (
            "line one Set-Cookie: a=b  <b>x</b>",
            "line one\r\nSet-Cookie: a=b\r\n\r\n<b>x</b>",
        ),
        ("ad\u{200b}min", "ad\u{200b}min"),
    ] {
        assert!(
            confirms(typed, expected),
            "{typed:?} should confirm {expected:?}"
        );
    }
}

#[test]
fn anything_else_does_not() {
    for (typed, expected) in [
        ("", "mona"),
        ("   ", "   "),
        ("", ""),
        ("Mona", "mona"),
        ("mon", "mona"),
        ("mona2", "mona"),
        ("admin", "ad\u{200b}min"),
        ("line oneSet-Cookie", "line one\nSet-Cookie"),
        ("4", "3"),
    ] {
        assert!(
            !confirms(typed, expected),
            "{typed:?} must not confirm {expected:?}"
        );
    }
}
