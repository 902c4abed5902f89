//! The loaded identities of the session: one table shared by every page, filled page by page
//! (in batches, so 1,000 pages do not re-sort 1,000 times), pausable and cancelled on disconnect.
use console_core::table::{Row, Table};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::cancel::now_ms;
use crate::api::load_all::{load_all, Pause, Progress, DEFAULT_CONCURRENCY};
use crate::api::{ApiClient, ApiError, Cancel, ErrorKind};

/// How often arriving pages are merged into the table while loading.
const FLUSH_MS: f64 = 250.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Idle,
    Loading,
    Done,
    Failed(ApiError),
}

#[derive(Clone, Copy)]
pub struct Members {
    pub table: RwSignal<Table>,
    pub progress: RwSignal<Progress>,
    pub state: RwSignal<LoadState>,
    pub paused: RwSignal<bool>,
    pause: StoredValue<Pause>,
    cancel: StoredValue<Cancel>,
}

impl Members {
    pub fn new() -> Self {
        Self {
            table: RwSignal::new(Table::default()),
            progress: RwSignal::new(Progress::default()),
            state: RwSignal::new(LoadState::Idle),
            paused: RwSignal::new(false),
            pause: StoredValue::new(Pause::default()),
            cancel: StoredValue::new(Cancel::new()),
        }
    }

    /// (Re)loads every identity; a load already running is cancelled first.
    pub fn load(self, client: ApiClient) {
        self.stop();
        let cancel = Cancel::new();
        self.cancel.set_value(cancel.clone());
        self.table.update(Table::clear);
        self.progress.set(Progress::default());
        self.state.set(LoadState::Loading);
        self.set_paused(false);
        let pause = self.pause.get_value();
        spawn_local(async move {
            let mut buffer: Vec<Row> = Vec::new();
            let mut last_flush = now_ms();
            let result = load_all(
                &client,
                DEFAULT_CONCURRENCY,
                &cancel,
                &pause,
                |page, progress| {
                    buffer.extend(page.into_iter().map(Row::from));
                    // The first page shows at once; later ones in batches.
                    let first = self.table.with_untracked(Table::is_empty);
                    if first || now_ms() - last_flush >= FLUSH_MS {
                        self.table.try_update(|t| t.upsert(buffer.drain(..)));
                        last_flush = now_ms();
                    }
                    if first {
                        mark_after_paint("scim-first-row");
                    }
                    self.progress.try_set(progress);
                },
            )
            .await;
            self.table.try_update(|t| t.upsert(buffer.drain(..)));
            match result {
                Ok(progress) => {
                    self.progress.try_set(progress);
                    self.state.try_set(LoadState::Done);
                    mark_after_paint("scim-all-rows");
                }
                Err(e) if e.kind == ErrorKind::Cancelled => {}
                Err(e) => {
                    self.state.try_set(LoadState::Failed(e));
                }
            }
        });
    }

    /// Nothing loaded or loading (never started, or failed).
    pub fn idle(self) -> bool {
        matches!(
            self.state.try_get_untracked(),
            Some(LoadState::Idle | LoadState::Failed(_))
        )
    }

    pub fn set_paused(self, paused: bool) {
        self.pause.with_value(|p| p.set(paused));
        self.paused.set(paused);
    }

    pub fn stop(self) {
        self.cancel.try_with_value(Cancel::cancel);
    }

    /// Puts one identity (new or changed) into the table.
    /// (`try_`: a write may finish after Disconnect, when the table is gone.)
    pub fn upsert(self, user: &scim::ScimUser) {
        self.table.try_update(|t| t.upsert([Row::from(user)]));
    }

    pub fn remove(self, id: &str) {
        self.table.try_update(|t| {
            t.remove(id);
        });
    }
}

impl Default for Members {
    fn default() -> Self {
        Self::new()
    }
}

/// A `performance.mark` at the next frame, after the change has been rendered: what the
/// benchmark (bench/) reads as "first row painted" and "all rows rendered".
pub(crate) fn mark_after_paint(name: &'static str) {
    request_animation_frame(move || {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(name);
        }
    });
}
