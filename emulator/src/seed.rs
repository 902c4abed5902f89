//! Realistic, deterministic identities for demos and tests: the same `n` gives the same people
//! on every run. Names mix scripts and diacritics because real directories do; about one in
//! seven has no `externalId` (invited by hand, then matched) and one in five is still pending
//! (no linked GitHub account, so no `profileUrl`).
use scim::{Email, Meta, Name, ScimUser};

use crate::ids::{mix, rfc3339_from_epoch, uuid_from};

/// (as written, ASCII form for addresses)
const GIVEN: &[(&str, &str)] = &[
    ("Zoë", "zoe"),
    ("José", "jose"),
    ("Øyvind", "oyvind"),
    ("Siobhán", "siobhan"),
    ("Łukasz", "lukasz"),
    ("Aiko", "aiko"),
    ("Chidi", "chidi"),
    ("Mona", "mona"),
    ("François", "francois"),
    ("Ingrid", "ingrid"),
    ("Mateo", "mateo"),
    ("Priya", "priya"),
    ("Björn", "bjorn"),
    ("Nguyễn Văn", "van"),
    ("Fatima", "fatima"),
    ("Olusegun", "olusegun"),
    ("Renée", "renee"),
    ("Dmitri", "dmitri"),
    ("Ana", "ana"),
    ("Hiroshi", "hiroshi"),
    ("Saoirse", "saoirse"),
    ("Çağla", "cagla"),
    ("Jürgen", "jurgen"),
    ("Leilani", "leilani"),
];
const FAMILY: &[(&str, &str)] = &[
    ("Müller", "muller"),
    ("O'Brien", "obrien"),
    ("García", "garcia"),
    ("Kowalczyk", "kowalczyk"),
    ("Nakamura", "nakamura"),
    ("Okafor", "okafor"),
    ("Octocat", "octocat"),
    ("Lefèvre", "lefevre"),
    ("Søndergaard", "sondergaard"),
    ("Patel", "patel"),
    ("Núñez", "nunez"),
    ("Ivanova", "ivanova"),
    ("Smith", "smith"),
    ("Đặng", "dang"),
    ("Haddad", "haddad"),
    ("Adeyemi", "adeyemi"),
    ("Dubois", "dubois"),
    ("Kuznetsov", "kuznetsov"),
    ("Silva", "silva"),
    ("Tanaka", "tanaka"),
];
const DOMAINS: &[&str] = &[
    "acme-corp.example",
    "eu.acme-corp.example",
    "contractors.example",
];

/// 2021-01-01T00:00:00Z: seeded identities were created over the following years.
const SEED_EPOCH: u64 = 1_609_459_200;

pub fn store(n: usize) -> crate::store::Store {
    let mut store = crate::store::Store::default();
    users(n).for_each(|u| store.insert(u));
    store
}

pub fn users(n: usize) -> impl Iterator<Item = ScimUser> {
    (0..n as u64).map(user)
}

pub fn user(i: u64) -> ScimUser {
    let r = mix(i);
    let (given, given_ascii) = GIVEN[(r % GIVEN.len() as u64) as usize];
    let (family, family_ascii) = FAMILY[((r >> 8) % FAMILY.len() as u64) as usize];
    let domain = DOMAINS[((r >> 16) % DOMAINS.len() as u64) as usize];
    // The index keeps userNames unique, as the API demands.
    let user_name = format!("{given_ascii}.{family_ascii}{i}@{domain}");
    let mut emails = vec![Email {
        value: user_name.clone(),
        primary: true,
        kind: Some("work".into()),
    }];
    if r.is_multiple_of(3) {
        emails.push(Email {
            value: format!("{given_ascii}{i}@personal.example"),
            primary: false,
            kind: Some("home".into()),
        });
    }
    let external_id = match r % 7 {
        0 => None,
        1 | 2 => Some(format!("00u{:016x}", mix(r))), // Okta-style
        _ => Some(uuid_from(r ^ 0xE17A)),             // Entra ID object identifier
    };
    let linked = !(r >> 24).is_multiple_of(5);
    let created = SEED_EPOCH + i * 1_537 + (r % 1_500); // increasing, like creation order
    let modified = created + (r >> 32) % (90 * 86_400);
    ScimUser {
        schemas: vec![scim::USER_SCHEMA.to_owned()],
        id: uuid_from(i),
        external_id,
        user_name: Some(user_name),
        profile_url: linked.then(|| format!("https://github.com/{given_ascii}-{family_ascii}-{i}")),
        display_name: Some(format!("{given} {family}")),
        name: Some(Name {
            given_name: Some(given.to_owned()),
            family_name: Some(family.to_owned()),
            formatted: Some(format!("{given} {family}")),
        }),
        emails,
        active: true,
        meta: Meta {
            resource_type: Some("User".into()),
            created: Some(rfc3339_from_epoch(created)),
            last_modified: Some(rfc3339_from_epoch(modified)),
            location: None,
        },
        groups: Vec::new(),
    }
}
