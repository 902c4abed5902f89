//! Navigation without a router crate: the History API, one signal for where the tab is, and
//! same-origin link clicks taken over so a page changes without a reload. The console has five
//! fixed routes (`console_core::routes::Route`); leptos_router cost about 8 % of the wasm
//! (README, "Size").
use console_core::routes::{query_value, Route};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the tab is: the path and the query (without `?`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Here {
    path: String,
    query: String,
}

fn here() -> Here {
    let location = window().location();
    Here {
        path: location.pathname().unwrap_or_default(),
        query: location
            .search()
            .unwrap_or_default()
            .trim_start_matches('?')
            .to_owned(),
    }
}

#[derive(Clone, Copy)]
pub struct Nav {
    here: RwSignal<Here>,
    route: Memo<Route>,
}

impl Nav {
    /// Provides navigation to everything below (once, at the root). Back and Forward are
    /// followed; a click on a same-origin link without a modifier key, target or fragment
    /// becomes a navigation in place.
    pub fn provide() -> Self {
        let here = RwSignal::new(here());
        let nav = Self {
            here,
            route: Memo::new(move |_| here.with(|h| Route::parse(&h.path))),
        };
        let back = window_event_listener(ev::popstate, move |_| here.set(self::here()));
        let click = window_event_listener(ev::click, move |ev| nav.take_over(&ev));
        on_cleanup(move || {
            back.remove();
            click.remove();
        });
        provide_context(nav);
        nav
    }

    /// The page the path shows (changes of the query alone do not notify).
    pub fn route(&self) -> Memo<Route> {
        self.route
    }

    /// A parameter of the query (tracked).
    pub fn query(&self, key: &str) -> Option<String> {
        self.here.with(|h| query_value(&h.query, key))
    }

    /// Opens `url` (a same-origin path with an optional query) as a new history entry, once the
    /// current task is done: an action that navigates when it finishes (a saved identity opens
    /// its page) first has its result shown by the page it leaves, which is then disposed
    /// whole (as leptos_router delays its redirects by a tick).
    pub fn go(&self, url: &str) {
        let (nav, url) = (*self, url.to_owned());
        set_timeout(
            move || {
                nav.change(&url, false);
                window().scroll_to_with_x_and_y(0.0, 0.0);
            },
            std::time::Duration::ZERO,
        );
    }

    /// Changes the current history entry to `url` (a view's state, such as a sort).
    pub fn replace(&self, url: &str) {
        self.change(url, true);
    }

    fn change(&self, url: &str, replace: bool) {
        let Ok(history) = window().history() else {
            return;
        };
        let written = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        };
        if written.is_ok() {
            self.here.set(here());
        }
    }

    fn take_over(&self, ev: &ev::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(link) = link else {
            return;
        };
        let own = window().location().origin().ok() == Some(link.origin());
        if !own || !link.target().is_empty() || link.has_attribute("download") {
            return;
        }
        if !link.hash().is_empty() {
            return; // "Skip to content" and other in-page anchors
        }
        ev.prevent_default();
        self.go(&format!("{}{}", link.pathname(), link.search()));
    }
}

/// Navigation, as provided by the app.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
