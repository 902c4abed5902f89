//! scim-admin: an owner console for GitHub organization SCIM provisioning.
//!
//! Layers, each one module: `config` (runtime config.json), `api` (the one funnel for HTTP,
//! which asks the gate as each write leaves), `session` (the connected state: the SAML gate,
//! identities, activity journal, bulk run), `pages` and `components` (views, which only ever
//! see typed values from `scim`), `routes` (the console's identity URLs).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod idb;
pub mod nav;
pub mod pages;
pub mod routes;
pub mod session;

pub use app::App;
