//! The one funnel for HTTP calls to GitHub (or the emulator, or the site's proxy).
pub mod bulk;
pub mod cancel;
mod client;
mod error;
pub mod load_all;
pub mod token_store;
mod transport;
mod users;

pub use cancel::Cancel;
pub use client::{ApiClient, ApiEvent, Credentials, Observer};
pub use error::{ApiError, ErrorKind};
pub use users::Done;
