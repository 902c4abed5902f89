//! The drift review's decisions: the category rules, the pairing, the summary, the actions,
//! the links and the exports, natively.
mod actions;
mod credentials;
mod exports;
mod github;
mod identities;
mod links;
mod members;
mod pairing;
#[cfg(not(target_arch = "wasm32"))] // proptest needs an OS random source
mod properties;
mod runs;
mod summary;
mod tables;
mod time;
mod world;
