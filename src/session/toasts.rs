//! Short messages that say what happened, announced politely to screen readers.
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub error: bool,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    pub list: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Toasts {
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        }
    }

    pub fn info(self, text: impl Into<String>) {
        self.push(text.into(), false);
    }

    pub fn error(self, text: impl Into<String>) {
        self.push(text.into(), true);
    }

    fn push(self, text: String, error: bool) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| l.push(Toast { id, text, error }));
        // Errors stay until dismissed; news fades after a while.
        if !error {
            set_timeout(move || self.dismiss(id), std::time::Duration::from_secs(8));
        }
    }

    pub fn dismiss(self, id: u64) {
        self.list.try_update(|l| l.retain(|t| t.id != id));
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}
