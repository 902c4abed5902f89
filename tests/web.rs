//! In-browser tests (headless Chromium via wasm-bindgen-test-runner): real DOM, real Leptos.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use scim_admin::components::member_table::{MemberRow, MemberTable};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn row(id: &str, user_name: &str, name: &str) -> MemberRow {
    MemberRow {
        id: id.into(),
        user_name: user_name.into(),
        name: name.into(),
        email: user_name.into(),
        external_id: String::new(),
        active: true,
        created: "2024-01-01T00:00:00Z".into(),
        last_modified: "2024-01-02T00:00:00Z".into(),
    }
}

#[wasm_bindgen_test]
async fn member_table_renders_rows_and_keeps_api_text_as_text() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();

    let rows = RwSignal::new(vec![row("a", "zoe@example.com", "Zoë Müller")]);
    leptos::mount::mount_to(host.clone(), move || view! { <MemberTable rows /> }).forget();
    assert_eq!(host.query_selector_all("tbody tr").unwrap().length(), 1);

    // A hostile display name from the API must show as literal text, not become an element.
    rows.update(|r| r.push(row("b", "x@example.com", "<img src=x onerror=alert(1)>")));
    leptos::task::tick().await;
    assert_eq!(host.query_selector_all("tbody tr").unwrap().length(), 2);
    assert!(host.query_selector("tbody img").unwrap().is_none());
    assert!(host
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
    assert!(host.text_content().unwrap().contains("Zoë Müller"));
}
