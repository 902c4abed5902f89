//! Wraps a configuration action. While the gate is closed its children are hidden behind the
//! reason, so a guarded route shows "Configuration is locked" even when its URL is typed; they
//! stay mounted, so a half-filled form is still there when "Check again" reopens the gate.
//! (What protects GitHub is the write path, which asks the gate as each request leaves.)
use leptos::prelude::*;

use crate::session::use_session;

#[component]
pub fn GateGuard(children: Children) -> impl IntoView {
    let session = use_session();
    let open = session.can_write;
    view! {
        <Show when=move || !open.get()>
            <div class="blocked" role="alert">
                <h2>"Configuration is locked"</h2>
                <p>{move || session.gate.get().reason()}</p>
            </div>
        </Show>
        <div hidden=move || !open.get()>{children()}</div>
    }
}

/// The reason next to a disabled action button (empty while allowed).
pub fn blocked_reason() -> Signal<String> {
    let gate = use_session().gate;
    Signal::derive(move || gate.get().reason())
}
