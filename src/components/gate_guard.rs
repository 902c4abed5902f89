//! Wraps a configuration action: its children render only while the gate is open; otherwise
//! the reason, so a guarded route is unreachable even by typing its URL.
use leptos::prelude::*;

use crate::session::use_session;

#[component]
pub fn GateGuard(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    move || match &session {
        Some(s) if s.gate.get().allows_writes() => children().into_any(),
        Some(s) => view! {
            <div class="blocked" role="alert">
                <h2>"Configuration is locked"</h2>
                <p>{s.gate.get().reason()}</p>
            </div>
        }
        .into_any(),
        None => ().into_any(),
    }
}

/// The reason next to a disabled action button (empty while allowed).
pub fn blocked_reason() -> Signal<String> {
    let session = use_session();
    Signal::derive(move || {
        session
            .as_ref()
            .map(|s| s.gate.get().reason())
            .unwrap_or_default()
    })
}
