//! The loaded identities of the session: one table shared by every page, filled page by page
//! in batches (the first page at once, then at most every `FLUSH_MS`: 1,000 pages neither
//! re-sort nor re-render 1,000 times, the progress bar included), pausable and cancelled on
//! disconnect. With a saved copy (opt-in, `saved`), the table starts from it and the load
//! refreshes it in place, then says what changed.
use console_core::page::Page;
use console_core::refresh::{Changes, Refresh};
use console_core::table::{Row, Table};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::saved::{SavedCopy, SavedRows};
use super::toasts::Toasts;
use crate::api::cancel::now_ms;
use crate::api::load_all::{load_all, Pause, Progress, DEFAULT_CONCURRENCY};
use crate::api::{ApiClient, ApiError, Cancel, ErrorKind};

/// How often arriving pages are merged into the table (and the progress shown) while loading.
const FLUSH_MS: f64 = 250.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    Idle,
    Loading,
    Done,
    Failed(ApiError),
}

/// What the owner knows about the saved copy.
#[derive(Debug, Clone, PartialEq)]
pub enum CopyState {
    /// Not kept (the owner has not opted in).
    Off,
    /// Kept; the table started from the copy saved at this time (epoch ms) and is refreshing.
    Shown { saved_at: f64 },
    /// Kept, and refreshed: what changed since the copy (`None` until a refresh finished).
    Kept { changes: Option<Changes> },
}

#[derive(Clone, Copy)]
pub struct Members {
    pub table: RwSignal<Table>,
    pub progress: RwSignal<Progress>,
    pub state: RwSignal<LoadState>,
    pub paused: RwSignal<bool>,
    pub copy: RwSignal<CopyState>,
    saved: StoredValue<SavedCopy>,
    toasts: Toasts,
    pause: StoredValue<Pause>,
    cancel: StoredValue<Cancel>,
}

impl Members {
    pub fn new(saved: SavedCopy, toasts: Toasts) -> Self {
        Self {
            table: RwSignal::new(Table::default()),
            progress: RwSignal::new(Progress::default()),
            state: RwSignal::new(LoadState::Idle),
            paused: RwSignal::new(false),
            copy: RwSignal::new(CopyState::Off),
            saved: StoredValue::new(saved),
            toasts,
            pause: StoredValue::new(Pause::default()),
            cancel: StoredValue::new(Cancel::new()),
        }
    }

    /// Shows a saved copy at once; the next load refreshes it.
    pub fn show_copy(self, copy: SavedRows) {
        self.table.update(|t| {
            t.clear();
            t.upsert(copy.rows);
        });
        self.copy.set(CopyState::Shown {
            saved_at: copy.saved_at,
        });
        mark_after_paint("scim-copy-shown");
    }

    /// (Re)loads every identity; a load already running is cancelled first. `first` is the
    /// probe's answer (the first page), when there is one. A table showing a saved copy is
    /// refreshed in place; any other starts empty.
    pub fn load(self, client: ApiClient, first: Option<Page>) {
        self.stop();
        let cancel = Cancel::new();
        self.cancel.set_value(cancel.clone());
        let refreshing = matches!(self.copy.get_untracked(), CopyState::Shown { .. });
        if !refreshing {
            self.table.update(Table::clear);
        }
        self.progress.set(Progress::default());
        self.state.set(LoadState::Loading);
        self.set_paused(false);
        let pause = self.pause.get_value();
        spawn_local(async move {
            let mut refresh = refreshing.then(Refresh::default);
            let mut buffer: Vec<Row> = Vec::new();
            let mut last_flush = now_ms();
            let mut flush = |buffer: &mut Vec<Row>| {
                self.table.try_update(|t| {
                    if let Some(refresh) = refresh.as_mut() {
                        refresh.arrived(t, buffer.iter());
                    }
                    t.upsert(buffer.drain(..));
                });
            };
            let result = load_all(
                &client,
                first,
                DEFAULT_CONCURRENCY,
                &cancel,
                &pause,
                |page, progress| {
                    buffer.extend(page.rows);
                    // The first page shows at once; later ones in batches.
                    let first = self.table.with_untracked(Table::is_empty);
                    if first || now_ms() - last_flush >= FLUSH_MS {
                        flush(&mut buffer);
                        self.progress.try_set(progress);
                        last_flush = now_ms();
                    }
                    if first {
                        mark_after_paint("scim-first-row");
                    }
                },
            )
            .await;
            // A cancelled load's rows are not the table's any more (a new load may own it).
            if !matches!(&result, Err(e) if e.kind == ErrorKind::Cancelled) {
                flush(&mut buffer);
            }
            match result {
                Ok(progress) => {
                    if let Some(refresh) = refresh {
                        let changes = self.table.try_update(|t| refresh.finish(t));
                        self.copy.try_set(CopyState::Kept { changes });
                    }
                    self.progress.try_set(progress);
                    self.state.try_set(LoadState::Done);
                    mark_after_paint("scim-all-rows");
                    // A load cut short may lack identities: it is not kept as the copy.
                    if progress.cut_short.is_none() {
                        self.save_if_kept().await;
                    }
                }
                Err(e) if e.kind == ErrorKind::Cancelled => {}
                Err(e) => {
                    self.state.try_set(LoadState::Failed(e));
                }
            }
        });
    }

    /// The owner opts in (a copy is saved now if everything is loaded, else when it is) or out
    /// (the copy is removed).
    pub fn keep_copy(self, keep: bool) {
        if keep {
            self.copy.set(CopyState::Kept { changes: None });
            spawn_local(self.save_if_kept());
        } else {
            self.copy.set(CopyState::Off);
            self.forget_copy();
        }
    }

    /// Whether this site lets the owner keep a copy (`allowSavedCopy` in config.json).
    pub fn copy_allowed(self) -> bool {
        self.saved.try_with_value(SavedCopy::allowed) == Some(true)
    }

    /// How long a copy is kept (`savedCopyMaxAgeDays`), for the owner to read.
    pub fn copy_max_age_days(self) -> u32 {
        self.saved
            .try_with_value(SavedCopy::max_age_days)
            .unwrap_or_default()
    }

    /// Removes the saved copy (Disconnect, "Forget cached data").
    pub fn forget_copy(self) {
        self.copy.try_set(CopyState::Off);
        if let Some(saved) = self.saved.try_get_value() {
            spawn_local(async move { saved.forget().await });
        }
    }

    async fn save_if_kept(self) {
        let kept = matches!(self.copy.try_get_untracked(), Some(CopyState::Kept { .. }));
        if !kept || self.state.try_get_untracked() != Some(LoadState::Done) {
            return;
        }
        let Some(saved) = self.saved.try_get_value() else {
            return;
        };
        let written = match self
            .table
            .try_with_untracked(|t| SavedCopy::encode(t.rows()))
        {
            Some(Ok(bytes)) => saved.write(&bytes).await,
            Some(Err(e)) => Err(e),
            None => return, // the session is gone
        };
        match written {
            Ok(()) => mark_after_paint("scim-copy-saved"),
            Err(e) => self.toasts.error(format!(
                "The copy of the identities could not be saved: {e}"
            )),
        }
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

/// A `performance.mark` at the next frame, after the change has been rendered: what the
/// benchmark (bench/) reads as "first row painted", "all rows rendered" and "copy shown".
pub(crate) fn mark_after_paint(name: &'static str) {
    request_animation_frame(move || {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(name);
        }
    });
}
