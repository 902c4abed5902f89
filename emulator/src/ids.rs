//! Identifiers and timestamps in GitHub's shapes, deterministic where seeding needs them to be.
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// SplitMix64: a tiny, well-distributed generator, so seeded data is identical on every run.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A UUID-shaped id (GitHub's `scim_user_id`s look like UUIDs) derived from `seed`.
pub fn uuid_from(seed: u64) -> String {
    let (a, b) = (mix(seed), mix(seed ^ 0xA5A5_A5A5_A5A5_A5A5));
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn fresh_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    mix(nanos ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(32))
}

/// A new, unique id for an identity created at run time.
pub fn fresh_uuid() -> String {
    uuid_from(fresh_seed())
}

/// The opaque `authorization_request` value of an SSO URL.
pub fn opaque_token() -> String {
    format!("{:016x}{:016x}", fresh_seed(), fresh_seed())
}

/// An `X-GitHub-Request-Id`-shaped value, e.g. `C0DE:1A2B:3C4D5E:6F7A8B:656E7A11`.
pub fn request_id() -> String {
    let r = fresh_seed();
    format!(
        "{:04X}:{:04X}:{:06X}:{:06X}:{:08X}",
        r >> 48,
        (r >> 32) & 0xffff,
        (r >> 8) & 0xff_ffff,
        mix(r) & 0xff_ffff,
        (mix(r) >> 32) as u32
    )
}

/// RFC 3339 UTC timestamp, seconds precision, e.g. `2024-05-01T12:00:00Z`.
pub fn rfc3339(at: SystemTime) -> String {
    humantime::format_rfc3339_seconds(at).to_string()
}

pub fn rfc3339_from_epoch(seconds: u64) -> String {
    rfc3339(UNIX_EPOCH + Duration::from_secs(seconds))
}

pub fn now_rfc3339() -> String {
    rfc3339(SystemTime::now())
}
