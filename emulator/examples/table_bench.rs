//! The console's member table at 100,000 identities, natively, on the emulator's own seeded
//! data and wire format: decoding the 1,000 pages (whole `ScimUser`s then rows, against the
//! table's borrowing page decode), filling the table (rows and search index), and the filter
//! keystrokes of the benchmark's unrelated queries (bench/lib/queries.mjs), each typed from an
//! empty box, against the rule applied row by row with `str::contains`.
//!
//!     cargo run --profile emulator -p emulator --example table_bench [-- USERS]
//!
//! Prints medians of 5 runs. The wasm build runs about 1.5-3× slower than this.
use std::time::{Duration, Instant};

use console_core::page::Page;
use console_core::search;
use console_core::table::{Row, Table};
use scim::{ListResponse, ScimUser};

const QUERIES: &[&str] = &[
    "ø",
    "josé",
    "ngu",
    "müller",
    "o'b",
    "okafor",
    "contractors",
    "eu.acme",
    "00u",
    "siobhán",
    "łuk",
    "renée",
    "đặng",
    "van",
    "zzq",
    "xyzzy",
    "δοκιμή",
    "çağ",
    "4711",
    "ivanova7",
];

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(what: &str, mut f: impl FnMut() -> T) -> T {
    let mut runs = Vec::new();
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        out = Some(std::hint::black_box(f()));
        runs.push(t.elapsed());
    }
    println!("{what:<58} {:>10.2?}", median(runs));
    out.unwrap()
}

/// Every prefix of every query, typed from an empty box: (prefix, is the first key).
fn keystrokes() -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for q in QUERIES {
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            out.push((typed.clone(), typed.chars().count() == 1));
        }
    }
    out
}

fn main() {
    let users: usize = std::env::args()
        .nth(1)
        .map_or(100_000, |a| a.parse().unwrap());
    let identities: Vec<ScimUser> = emulator::seed::users(users).collect();
    let pages: Vec<Vec<u8>> = identities
        .chunks(100)
        .enumerate()
        .map(|(i, c)| {
            let page = ListResponse::new(1 + 100 * i as u64, users as u64, c.to_vec());
            serde_json::to_vec(&page).unwrap()
        })
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!(
        "{users} identities, {} pages, {:.1} MB of JSON",
        pages.len(),
        bytes as f64 / 1e6
    );

    let whole = time("decode: ListResponse (ScimUser) then Row::from", || {
        pages
            .iter()
            .flat_map(|p| serde_json::from_slice::<ListResponse>(p).unwrap().resources)
            .map(Row::from)
            .collect::<Vec<_>>()
    });
    let slim = time(
        "decode: Page::from_slice (borrowing, table fields only)",
        || {
            pages
                .iter()
                .flat_map(|p| Page::from_slice(p).unwrap().rows)
                .collect::<Vec<_>>()
        },
    );
    assert_eq!(whole, slim, "both decodes give the same rows");

    let table = time("fill the table (rows, ids, search index)", || {
        let mut t = Table::default();
        for page in slim.chunks(100) {
            t.upsert(page.iter().cloned());
        }
        t
    });
    let texts: Vec<String> = table
        .rows()
        .iter()
        .map(|r| {
            let parts = [&r.user_name, &r.name, &r.email, &r.external_id];
            let mut out = String::new();
            for p in parts {
                search::fold_into(&mut out, p);
                out.push(search::SEPARATOR);
            }
            out
        })
        .collect();

    let keys = keystrokes();
    println!("{} keystrokes ({} first keys)", keys.len(), QUERIES.len());
    let mut per_key = Vec::new();
    time("keys: str::contains on each row's own String", || {
        per_key.clear();
        for (typed, _) in &keys {
            let t = Instant::now();
            let n = search::needle(typed);
            let hits = texts.iter().filter(|s| s.contains(&n)).count();
            std::hint::black_box(hits);
            per_key.push(t.elapsed());
        }
    });
    println!("  worst key {:?}", per_key.iter().max().unwrap());
    time(
        "keys: Table::view (memmem over the index, narrowing)",
        || {
            per_key.clear();
            for (typed, first) in &keys {
                if *first {
                    // A fresh box: nothing remembered from the last query.
                    std::hint::black_box(table.view("", None));
                }
                let t = Instant::now();
                std::hint::black_box(table.view(typed, None));
                per_key.push(t.elapsed());
            }
        },
    );
    println!("  worst key {:?}", per_key.iter().max().unwrap());
    let mut fresh = Table::default();
    fresh.upsert(slim.iter().cloned());
    time("keys: Table::view, every key a fresh search", || {
        per_key.clear();
        for (typed, _) in &keys {
            let t = Instant::now();
            std::hint::black_box(fresh.view(typed, None));
            per_key.push(t.elapsed());
            fresh.upsert(std::iter::empty()); // forgets what was remembered
        }
    });
    println!("  worst key {:?}", per_key.iter().max().unwrap());
}
