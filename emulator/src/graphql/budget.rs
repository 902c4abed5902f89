//! GraphQL's primary rate limit: points per token per hour (`x-ratelimit-resource: graphql`),
//! apart from the REST budget. A query that finds too few points left is not run: 200 with a
//! `RATE_LIMITED` error and `x-ratelimit-remaining: 0` (contract §2.2).
use std::collections::HashMap;
use std::sync::Mutex;

const WINDOW_SECONDS: u64 = 3_600;

#[derive(Debug)]
pub struct Budget {
    limit: u64,
    buckets: Mutex<HashMap<String, (u64, u64)>>, // token → (points used, reset epoch seconds)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spend {
    pub limit: u64,
    pub used: u64,
    pub reset: u64,
    /// False: the points were not there, nothing was charged and the query must not run.
    pub allowed: bool,
}

impl Spend {
    pub fn remaining(&self) -> u64 {
        if self.allowed {
            self.limit.saturating_sub(self.used)
        } else {
            0
        }
    }
}

impl Budget {
    pub fn new(limit_per_hour: u64) -> Self {
        Self {
            limit: limit_per_hour,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    pub fn clear(&self) {
        self.buckets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Charges `cost` points to `key` if they are there.
    pub fn charge(&self, key: &str, cost: u64, now: u64) -> Spend {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let bucket = buckets
            .entry(key.to_owned())
            .or_insert((0, now + WINDOW_SECONDS));
        if now >= bucket.1 {
            *bucket = (0, now + WINDOW_SECONDS);
        }
        let allowed = bucket.0 + cost <= self.limit;
        if allowed {
            bucket.0 += cost;
        }
        Spend {
            limit: self.limit,
            used: bucket.0,
            reset: bucket.1,
            allowed,
        }
    }
}
