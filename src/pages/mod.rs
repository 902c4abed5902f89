//! Whole pages of the console.
pub mod members;
