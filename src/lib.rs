//! scim-admin: an owner console for GitHub organization SCIM provisioning.
//!
//! Layers, each one module: `config` (runtime config.json), `api` (the one funnel for HTTP),
//! `session` (the connected state: SAML gate, identities, activity), `pages` and `components`
//! (views, which only ever see typed values from `scim`).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod pages;
pub mod session;

pub use app::App;
