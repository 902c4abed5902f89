//! The one funnel for HTTP calls to GitHub (or the emulator, or the site's proxy).
mod client;
mod error;

pub use client::{ApiClient, Credentials};
pub use error::ApiError;
