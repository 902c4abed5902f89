//! In-browser tests (headless Chromium via wasm-bindgen-test-runner): real DOM, real Leptos.
#![cfg(target_arch = "wasm32")]

use std::collections::HashSet;

use console_core::table::{Row, Table};
use leptos::prelude::*;
use scim::{Email, Meta, Name, ScimUser};
use scim_admin::components::member_table::{MemberTable, ROW_PX};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn user(i: usize, display: &str) -> ScimUser {
    ScimUser {
        schemas: vec![scim::USER_SCHEMA.into()],
        id: format!("id-{i}"),
        external_id: None,
        user_name: Some(format!("user{i}@example.com")),
        profile_url: None,
        display_name: Some(display.into()),
        name: Some(Name::default()),
        emails: vec![Email {
            value: format!("user{i}@example.com"),
            primary: true,
            kind: None,
        }],
        active: true,
        meta: Meta {
            created: Some("2024-01-01T00:00:00Z".into()),
            ..Meta::default()
        },
        groups: vec![],
    }
}

fn mount(rows: Vec<ScimUser>) -> (web_sys::HtmlElement, RwSignal<Table>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute(
        "style",
        "height: 600px; display: flex; flex-direction: column",
    )
    .unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let mut table = Table::default();
    table.upsert(rows.iter().map(Row::from));
    let table = RwSignal::new(table);
    let positions = Signal::derive(move || table.with(|t| t.view("", None)));
    leptos::mount::mount_to(host.clone(), move || {
        view! {
            <MemberTable table positions selected=RwSignal::new(HashSet::new()) sort=Signal::derive(|| None)
                on_sort=|_| {} on_open=|_| {} />
        }
    })
    .forget();
    (host, table)
}

fn rendered(host: &web_sys::HtmlElement) -> u32 {
    host.query_selector_all("tbody tr:not(.spacer)")
        .unwrap()
        .length()
}

/// Waits for the next frame (ResizeObserver callbacks run before it).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The rows the table renders for a viewport `px` tall: those in view and two each side.
fn rows_for(px: i32) -> u32 {
    (px / ROW_PX) as u32 + 1 + 4
}

#[wasm_bindgen_test]
async fn ten_thousand_rows_keep_the_dom_small_and_scrolling_renders_the_new_window() {
    let (host, _) = mount((0..10_000).map(|i| user(i, "Zoë Müller")).collect());
    let shown = rendered(&host);
    let window_px = window().inner_height().unwrap().as_f64().unwrap() as i32;
    assert!(
        (5..=rows_for(window_px)).contains(&shown),
        "{shown} rows in the DOM (the window is {window_px} px)"
    );
    let viewport: web_sys::HtmlElement = host
        .query_selector(".table-viewport")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The stylesheet is not loaded here; give the viewport the height it has in the console.
    viewport
        .set_attribute("style", "height: 500px; overflow: auto")
        .unwrap();
    viewport.set_scroll_top(5_000 * ROW_PX);
    viewport
        .dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    leptos::task::tick().await;
    next_frame().await;
    leptos::task::tick().await;
    assert!(host
        .text_content()
        .unwrap()
        .contains("user5000@example.com"));
    assert!(!host.text_content().unwrap().contains("user0@example.com"));
    // The slots follow the viewport's height: as many rows as 500 px show, and two each side.
    assert_eq!(rendered(&host), rows_for(500.min(window_px)));
}

#[wasm_bindgen_test]
async fn text_from_the_api_stays_text() {
    let (host, table) = mount(vec![user(0, "Zoë Müller")]);
    table.update(|t| t.upsert([Row::from(&user(1, "<img src=x onerror=alert(1)>"))]));
    leptos::task::tick().await;
    assert_eq!(rendered(&host), 2);
    assert!(host.query_selector("tbody img").unwrap().is_none());
    assert!(host
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
}
