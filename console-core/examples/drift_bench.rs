//! How long the drift review's join takes at the scale the issue sets: 100,000 members,
//! 102,000 external identities, 97,000 SCIM identities, 10,000 SCIM invitations and 30,000
//! credential authorizations, with every kind of drift. Run natively in release mode:
//!
//!     cargo run --release -p console-core --example drift_bench
//!
//! Prints the median of 5 builds (and of the summary and a first filter keystroke on the
//! largest table). The wasm build runs about 2-3× slower than this.
use std::time::{Duration, Instant};

use console_core::drift::{
    CategoryId, Collaborator, ConsoleSelf, Credential, CredentialKind, ExternalIdentity, Inputs,
    Invitation, InvitationSource, LinkedUser, Member, NodeInvitation, Review, Role, SamlAttributes,
    ScimAttributes, ScimIdentity,
};

const MEMBERS: usize = 100_000;
const PENDING: usize = 10_000;
const CREDENTIALS: usize = 30_000;

fn node(
    guid: String,
    login: Option<String>,
    name_id: Option<String>,
    user_name: Option<String>,
    email: String,
) -> ExternalIdentity {
    ExternalIdentity {
        guid,
        user: login.map(|login| LinkedUser { login, name: None }),
        saml: name_id.map(|name_id| SamlAttributes {
            name_id: Some(name_id),
            emails: vec![email.clone()],
            ..SamlAttributes::default()
        }),
        scim: user_name.map(|u| ScimAttributes {
            username: Some(u),
            emails: vec![email],
            given_name: Some("Given".into()),
            family_name: Some("Family".into()),
        }),
        invitation: None,
    }
}

/// Per 100 members: 85 linked (1 with a case-only NameID difference), 5 SAML only (3 of them
/// the SAML half of a NameID ≠ userName pair), 10 without any identity; plus 10,000 pending
/// SCIM identities (3,000 the SCIM half of a pair), 2,000 identities of former members, 1,000
/// outside collaborators, and credentials for 1 in 3 members and 1,000 non-members.
fn organization() -> Inputs {
    let mut input = Inputs {
        org: "acme".into(),
        now: 1_769_817_600,
        console: ConsoleSelf::direct("ghp_benchmark", None),
        ..Inputs::default()
    };
    for i in 0..MEMBERS {
        let login = format!("user-{i}");
        let email = format!("person.{i}@acme.example");
        let user_name = format!("person.{i}@idp.example");
        input.members.push(Member {
            login: login.clone(),
            name: None,
            role: if i % 50 == 0 {
                Role::Admin
            } else {
                Role::Member
            },
        });
        match i % 100 {
            0..=84 => {
                let name_id = if i % 100 == 7 {
                    user_name.to_uppercase()
                } else {
                    user_name.clone()
                };
                input.identities.push(node(
                    format!("g-{i}"),
                    Some(login),
                    Some(name_id),
                    Some(user_name.clone()),
                    email.clone(),
                ));
                input.scim_identities.push(ScimIdentity {
                    id: format!("s-{i}"),
                    user_name,
                    emails: vec![email],
                });
            }
            85..=89 => input.identities.push(node(
                format!("g-{i}"),
                Some(login),
                Some(format!("other.{i}")),
                None,
                email,
            )),
            _ => {}
        }
    }
    for i in 0..PENDING {
        // The first 3,000 share the email of a SAML-only member (NameID ≠ userName).
        let email = match i < 3_000 {
            true => format!("person.{}@acme.example", (i / 3) * 100 + 85 + i % 3),
            false => format!("pending.{i}@acme.example"),
        };
        let user_name = format!("pending.{i}@idp.example");
        let mut pending = node(
            format!("p-{i}"),
            None,
            None,
            Some(user_name.clone()),
            email.clone(),
        );
        let created_at = format!("2025-{:02}-{:02}T10:00:00Z", 1 + i % 12, 1 + i % 28);
        pending.invitation = Some(NodeInvitation {
            created_at: created_at.clone(),
            email: Some(email.clone()),
            source: InvitationSource::Scim,
            invitee_login: None,
        });
        input.identities.push(pending);
        input.scim_identities.push(ScimIdentity {
            id: format!("sp-{i}"),
            user_name,
            emails: vec![email.clone()],
        });
        input.invitations.push(Invitation {
            id: 30_000_000 + i as u64,
            login: None,
            email: Some(email),
            created_at,
            source: InvitationSource::Scim,
        });
    }
    // Removed by hand: the linked identity stays, and so does its SCIM identity.
    for i in 0..2_000 {
        let user_name = format!("former.{i}@idp.example");
        let email = format!("former.{i}@acme.example");
        input.identities.push(node(
            format!("f-{i}"),
            Some(format!("former-{i}")),
            Some(user_name.clone()),
            Some(user_name.clone()),
            email.clone(),
        ));
        input.scim_identities.push(ScimIdentity {
            id: format!("sf-{i}"),
            user_name,
            emails: vec![email],
        });
    }
    input.outside_collaborators = (0..1_000)
        .map(|i| Collaborator {
            login: format!("outside-{i}"),
            name: None,
        })
        .collect();
    let credentials = (0..CREDENTIALS).map(|i| {
        let login = if i < 1_000 {
            format!("former-{i}")
        } else {
            format!("user-{}", i * 3 % MEMBERS)
        };
        Credential {
            credential_id: 161_195 + i as u64,
            login,
            kind: if i % 4 == 0 {
                CredentialKind::SshKey
            } else {
                CredentialKind::ClassicPat
            },
            token_last_eight: (i % 4 != 0).then(|| format!("{i:08x}")),
            fingerprint: (i % 4 == 0).then(|| format!("SHA256:{i:043}")),
            title: None,
            authorized_at: "2025-06-01T00:00:00Z".into(),
            accessed_at: Some("2026-01-20T00:00:00Z".into()),
            expires_at: None,
            scopes: vec!["repo".into(), "read:org".into()],
        }
    });
    input.credentials = Some(credentials.collect());
    input
}

/// This thread's time on a CPU (Linux `/proc/thread-self/schedstat`, nanoseconds, updated at
/// least every scheduler tick): on a shared machine the wall clock also counts other
/// processes' turns.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Wall and CPU time of `work`.
fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let (cpu, wall) = (cpu_time(), Instant::now());
    let value = work();
    let spent = cpu
        .zip(cpu_time())
        .map(|(before, after)| after.saturating_sub(before));
    (value, wall.elapsed(), spent)
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs.get(runs.len() / 2).copied().unwrap_or_default()
}

fn main() {
    // DRIFT_BENCH_RUNS=0 builds the organization only (to subtract it from `perf stat`).
    let runs = std::env::var("DRIFT_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let input = organization();
    println!(
        "members {}, external identities {}, SCIM identities {}, invitations {}, credentials {}",
        input.members.len(),
        input.identities.len(),
        input.scim_identities.len(),
        input.invitations.len(),
        input.credentials.as_ref().map_or(0, Vec::len),
    );
    let (mut builds, mut build_cpu, mut summaries, mut filters) = (vec![], vec![], vec![], vec![]);
    let mut review = None;
    for _ in 0..runs {
        let (built, wall, cpu) = timed(|| Review::build(&input));
        builds.push(wall);
        build_cpu.extend(cpu);
        let (summary, wall, _) = timed(|| built.summary(Some(&built.keys())));
        summaries.push(wall);
        std::hint::black_box(summary);
        let table = built.category(CategoryId::MembersWithoutScim);
        let (hits, wall, _) = timed(|| table.view("user-4", None));
        filters.push(wall);
        std::hint::black_box(hits);
        review = Some(built);
    }
    if let Some(review) = review {
        for entry in review.summary(None).entries {
            println!(
                "  {:<26} {:>7}",
                entry.category.key(),
                entry.count.unwrap_or(0)
            );
        }
    }
    println!(
        "build (join + tables), median of {runs}: {:?} wall",
        median(builds)
    );
    if build_cpu.len() == runs {
        println!(
            "                                    {:?} on a CPU",
            median(build_cpu)
        );
    }
    println!(
        "summary with change, median of {runs}:    {:?}",
        median(summaries)
    );
    println!(
        "first filter keystroke, largest table, median of {runs}: {:?}",
        median(filters)
    );
}
