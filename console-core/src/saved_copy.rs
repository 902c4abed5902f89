//! The saved copy's limits, from `config.json`: how old a copy may be and still be shown
//! (`savedCopyMaxAgeDays`, 7 by default), and whether the site allows one at all
//! (`allowSavedCopy`, default `true`). A copy past its age, or on a site that forbids copies, is
//! not shown and is deleted: identities kept in a browser should not outlive their use.
use serde::Deserialize;

pub const DEFAULT_MAX_AGE_DAYS: u32 = 7;
pub const LONGEST_MAX_AGE_DAYS: u32 = 365;
const DAY_MS: f64 = 24.0 * 3600.0 * 1000.0;
/// How far ahead of this tab's clock a copy's time may be (another tab's clock, a small
/// correction) before the copy is treated as having no trustworthy age.
const CLOCK_SKEW_MS: f64 = 5.0 * 60.0 * 1000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CopyPolicy {
    #[serde(default = "allowed_by_default")]
    allow_saved_copy: bool,
    #[serde(default = "default_max_age")]
    saved_copy_max_age_days: u32,
}

fn allowed_by_default() -> bool {
    true
}

fn default_max_age() -> u32 {
    DEFAULT_MAX_AGE_DAYS
}

impl Default for CopyPolicy {
    fn default() -> Self {
        Self {
            allow_saved_copy: true,
            saved_copy_max_age_days: DEFAULT_MAX_AGE_DAYS,
        }
    }
}

/// What to do with a copy found in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Show,
    /// Older than the maximum age (or with no trustworthy age): delete it.
    Expired,
    /// The site keeps no copies: delete it.
    Forbidden,
}

impl CopyPolicy {
    /// The policy as parsed, or what to fix in config.json.
    pub fn checked(self) -> Result<Self, String> {
        if (1..=LONGEST_MAX_AGE_DAYS).contains(&self.saved_copy_max_age_days) {
            Ok(self)
        } else {
            Err(format!(
                "config.json: `savedCopyMaxAgeDays` is a number of days from 1 to \
                 {LONGEST_MAX_AGE_DAYS} (it is {})",
                self.saved_copy_max_age_days
            ))
        }
    }

    pub fn allowed(&self) -> bool {
        self.allow_saved_copy
    }

    /// How many days a copy is kept before it is deleted unread.
    pub fn max_age_days(&self) -> u32 {
        self.saved_copy_max_age_days
    }

    /// A copy saved at `saved_at`, read at `now` (both epoch ms).
    pub fn judge(&self, saved_at: f64, now: f64) -> Verdict {
        let max_age = f64::from(self.saved_copy_max_age_days) * DAY_MS;
        let age = now - saved_at;
        if !self.allow_saved_copy {
            Verdict::Forbidden
        } else if age.is_finite() && (-CLOCK_SKEW_MS..=max_age).contains(&age) {
            Verdict::Show
        } else {
            Verdict::Expired
        }
    }
}
