//! Reusable views. They take typed values (never raw JSON) and report through callbacks.
pub mod connect_form;
pub mod member_table;
