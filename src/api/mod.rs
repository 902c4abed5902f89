//! The one funnel for HTTP calls to GitHub (or the emulator, or the site's proxy): transport,
//! the answer's meaning (through `console_core::answer`), retries, the SAML gate asked before
//! every write attempt, and the typed SCIM operations with their exactly-once rules.
pub mod cancel;
mod client;
mod error;
mod link;
pub mod load_all;
pub mod org;
pub mod paged;
pub mod token_store;
pub mod transport;
mod users;

pub use cancel::Cancel;
pub use client::{ApiClient, Credentials};
pub use error::{not_sent_reason, ApiError, ErrorKind};
pub use link::{GateSignals, LocalGate, SessionLink};
pub use users::{decode_page, Done};
