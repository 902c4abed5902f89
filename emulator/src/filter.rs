//! The one SCIM filter GitHub supports: `<attribute> eq "<value>"` on `id`, `userName`,
//! `emails` or `externalId`. Anything else is a 400 `invalidFilter` that says what works.
const SUPPORTED: &str =
    "Only `eq` on id, userName, emails or externalId is supported, e.g. userName eq \"mona\"";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Id(String),
    UserName(String),
    Email(String),
    ExternalId(String),
}

impl Filter {
    /// Parses a filter expression; the error is the `detail` of the 400 answer.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let (attribute, rest) = raw
            .split_once(char::is_whitespace)
            .ok_or_else(|| format!("Invalid filter `{raw}`. {SUPPORTED}"))?;
        let (operator, value) = rest
            .trim_start()
            .split_once(char::is_whitespace)
            .ok_or_else(|| format!("Invalid filter `{raw}`. {SUPPORTED}"))?;
        if !operator.eq_ignore_ascii_case("eq") {
            return Err(format!("Unsupported operator `{operator}`. {SUPPORTED}"));
        }
        let value = quoted(value.trim()).ok_or_else(|| {
            format!("The value in `{raw}` must be one double-quoted string. {SUPPORTED}")
        })?;
        // SCIM attribute names are case-insensitive (RFC 7643 §2.1).
        match attribute.to_ascii_lowercase().as_str() {
            "id" => Ok(Self::Id(value)),
            "username" => Ok(Self::UserName(value)),
            "emails" | "emails.value" => Ok(Self::Email(value)),
            "externalid" => Ok(Self::ExternalId(value)),
            _ => Err(format!("Unsupported attribute `{attribute}`. {SUPPORTED}")),
        }
    }
}

/// The content of one JSON-style double-quoted string (`\"` and `\\` escapes), and nothing after it.
fn quoted(text: &str) -> Option<String> {
    let inner = text.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => value.push(chars.next()?),
            '"' => return chars.as_str().trim().is_empty().then_some(value),
            other => value.push(other),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_four_attributes_case_insensitively() {
        assert_eq!(
            Filter::parse(r#"userName eq "mona""#),
            Ok(Filter::UserName("mona".into()))
        );
        assert_eq!(
            Filter::parse(r#"USERNAME EQ "mona""#),
            Ok(Filter::UserName("mona".into()))
        );
        assert_eq!(
            Filter::parse(r#"emails eq "a@b.c""#),
            Ok(Filter::Email("a@b.c".into()))
        );
        assert_eq!(
            Filter::parse(r#"externalId eq "x""#),
            Ok(Filter::ExternalId("x".into()))
        );
        assert_eq!(
            Filter::parse(r#"id eq "1-2""#),
            Ok(Filter::Id("1-2".into()))
        );
    }

    #[test]
    fn unescapes_quotes_and_backslashes() {
        let f = Filter::parse(r#"userName eq "o\"brien\\x""#);
        assert_eq!(f, Ok(Filter::UserName(r#"o"brien\x"#.into())));
    }

    #[test]
    fn rejects_other_operators_attributes_and_shapes() {
        for bad in [
            r#"userName co "mo""#,
            r#"displayName eq "Mona""#,
            r#"userName eq "a" and id eq "b""#,
            r#"userName eq mona"#,
            r#"userName eq "unterminated"#,
            "userName",
            "",
        ] {
            let err = Filter::parse(bad).unwrap_err();
            assert!(err.contains("Only `eq`"), "{bad}: {err}");
        }
    }
}
