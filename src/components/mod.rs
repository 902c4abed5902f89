//! Reusable views. They take typed values (never raw JSON) and report through callbacks.
pub mod bulk_indicator;
pub mod console;
pub mod deprovision_dialog;
pub mod disconnect_dialog;
pub mod gate_guard;
pub mod gate_status;
pub mod identity_form;
pub mod idp_notice;
pub mod load_error;
pub mod load_progress;
pub mod lookup;
pub mod member_table;
pub mod review;
pub mod saved_copy;
pub mod table_nav;
pub mod table_slot;
pub mod toast_region;
