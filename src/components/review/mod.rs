//! The drift review's views: the page body, the summary chart, one category's panel and
//! virtualized table, the action dialog, the load's progress, and the note when there is no
//! SAML identity provider to read.
pub mod action_dialog;
pub mod body;
pub mod category;
pub mod drift_table;
pub mod no_provider;
pub mod progress;
pub mod summary;
