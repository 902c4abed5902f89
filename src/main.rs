//! Browser entry point; everything else lives in the library so tests can mount pieces of it.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(scim_admin::App);
}
