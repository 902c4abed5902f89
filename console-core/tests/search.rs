//! The quick filter's search index: the same answers as the plain rule ("the folded text of a
//! part contains the folded needle"), whatever rows were added, changed or removed. Native
//! only: proptest needs an OS random source, which wasm32 lacks.
#![cfg(not(target_arch = "wasm32"))]
use console_core::search::{needle, SearchIndex};
use proptest::prelude::*;

/// The rule, written the slow, obvious way: any part, lower-cased per character, contains it.
fn plain(rows: &[Vec<String>], filter: &str) -> Vec<u32> {
    let want = needle(filter);
    let fold = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
    (0..rows.len() as u32)
        .filter(|&at| rows[at as usize].iter().any(|p| fold(p).contains(&want)))
        .collect()
}

fn index(rows: &[Vec<String>]) -> SearchIndex {
    let mut index = SearchIndex::default();
    for row in rows {
        index.push(&row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    index
}

fn rows(texts: &[&[&str]]) -> Vec<Vec<String>> {
    texts
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
}

#[test]
fn a_needle_never_matches_across_two_parts_or_two_rows() {
    let rows = rows(&[&["ab", "cd"], &["ef", "gh"]]);
    let index = index(&rows);
    assert_eq!(index.find("bc"), Vec::<u32>::new(), "across parts");
    assert_eq!(index.find("de"), Vec::<u32>::new(), "across rows");
    assert_eq!(
        index.find("d\u{1f}e"),
        Vec::<u32>::new(),
        "the separator itself"
    );
    assert_eq!(index.find("cd"), [0]);
    assert_eq!(index.find("gh"), [1]);
}

#[test]
fn one_hit_per_row_however_many_times_it_matches() {
    let rows = rows(&[&["aaa", "a"], &["b"], &["a"]]);
    assert_eq!(index(&rows).find("a"), [0, 2]);
    assert_eq!(index(&rows).narrow("a", &[1, 2]), [2]);
}

#[test]
fn case_folding_is_per_character_on_both_sides() {
    let rows = rows(&[&["ZOË MÜLLER"], &["Đặng"], &["SØNDERGAARD"], &["ΔΟΚΙΜΉ"]]);
    let index = index(&rows);
    assert_eq!(index.find(&needle("zoë")), [0]);
    assert_eq!(index.find(&needle(" đẶNG ")), [1], "trimmed");
    assert_eq!(index.find(&needle("søn")), [2]);
    assert_eq!(index.find(&needle("δοκιμή")), [3]);
}

fn part() -> impl Strategy<Value = String> {
    // A small alphabet, so needles often match; with non-ASCII letters and their capitals.
    proptest::string::string_regex("[abAB.øØéÉ ]{0,6}").expect("a valid regex")
}

proptest! {
    #[test]
    fn find_and_narrow_agree_with_the_plain_rule(
        texts in prop::collection::vec(prop::collection::vec(part(), 1..4), 0..40),
        filters in prop::collection::vec(part(), 1..6),
        picked in prop::collection::vec(any::<bool>(), 40),
    ) {
        let index = index(&texts);
        for filter in &filters {
            let want = plain(&texts, filter);
            let n = needle(filter);
            if n.is_empty() {
                continue;
            }
            prop_assert_eq!(&index.find(&n), &want, "find {:?}", filter);
            let all: Vec<u32> = (0..texts.len() as u32).collect();
            prop_assert_eq!(&index.narrow(&n, &all), &want, "narrow {:?}", filter);
            // Any subset, in runs of adjacent rows and gaps.
            let some: Vec<u32> = all.iter().copied().filter(|&at| picked[at as usize]).collect();
            let want_some: Vec<u32> = want.iter().copied().filter(|&at| picked[at as usize]).collect();
            prop_assert_eq!(index.narrow(&n, &some), want_some, "narrow a subset {:?}", filter);
        }
    }

    #[test]
    fn replacing_and_removing_rows_keep_every_row_where_it_belongs(
        texts in prop::collection::vec(prop::collection::vec(part(), 1..3), 1..30),
        changes in prop::collection::vec((any::<prop::sample::Index>(), prop::option::of(prop::collection::vec(part(), 1..3))), 0..10),
        filter in part(),
    ) {
        let mut texts = texts;
        let mut index = index(&texts);
        for (at, change) in changes {
            if texts.is_empty() {
                break;
            }
            let at = at.index(texts.len());
            match change {
                Some(parts) => {
                    index.replace(at, &parts.iter().map(String::as_str).collect::<Vec<_>>());
                    texts[at] = parts;
                }
                None => {
                    index.remove(at);
                    texts.remove(at);
                }
            }
        }
        prop_assert_eq!(index.len(), texts.len());
        let n = needle(&filter);
        if !n.is_empty() {
            prop_assert_eq!(index.find(&n), plain(&texts, &filter));
        }
    }
}
