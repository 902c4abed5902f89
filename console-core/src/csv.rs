//! CSV that a spreadsheet opens as text, never as formulas. Every cell is quoted (RFC 4180,
//! CRLF line ends). Identity data comes from an IdP and from GitHub, not from the owner, so a
//! cell must not start a formula, and neither may any part of it that a spreadsheet could read
//! as a cell of its own: a file written with `,` is often opened with `;` (or a tab) as the
//! separator, and a careless reader may ignore the quotes. So wherever a field could start (the
//! cell's start, and after any separator of any locale, a quote or a line break, spaces
//! skipped) a risky first character (`=`, `+`, `-`, `@`, tab, carriage return) gets a `'` in
//! front, which spreadsheets show as text.

/// The separator a file is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    Comma,
    /// What spreadsheets expect in locales whose decimal mark is a comma.
    Semicolon,
    Tab,
}

impl Separator {
    pub fn as_char(self) -> char {
        match self {
            Self::Comma => ',',
            Self::Semicolon => ';',
            Self::Tab => '\t',
        }
    }
}

/// First characters a spreadsheet runs as (or in front of) a formula.
const RISKY: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Characters after which some reader starts a new field or row.
const BOUNDARY: [char; 7] = [',', ';', '\t', '|', '"', '\r', '\n'];

pub struct Writer {
    separator: char,
    out: String,
}

impl Writer {
    pub fn new(separator: Separator) -> Self {
        Self {
            separator: separator.as_char(),
            out: String::new(),
        }
    }

    /// Appends one row; every cell is neutralised and quoted.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (at, cell) in cells.into_iter().enumerate() {
            if at > 0 {
                self.out.push(self.separator);
            }
            self.out.push('"');
            self.out
                .push_str(&neutralise(cell.as_ref()).replace('"', "\"\""));
            self.out.push('"');
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// `value` with a `'` wherever a field could start with a risky character (see the module).
fn neutralise(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    let mut field_start = true;
    let mut spaces = 0;
    for c in value.chars() {
        if field_start {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            if RISKY.contains(&c) {
                out.push('\'');
            }
            out.extend(std::iter::repeat_n(' ', spaces));
            spaces = 0;
        }
        out.push(c);
        field_start = BOUNDARY.contains(&c);
    }
    out.extend(std::iter::repeat_n(' ', spaces));
    out
}
