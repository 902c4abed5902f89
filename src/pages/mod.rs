//! Whole pages of the console, one per route.
pub mod activity;
pub mod connect;
pub mod edit;
pub mod identity;
pub mod members;
pub mod provision;
pub mod review;
