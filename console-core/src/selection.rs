//! What a selection says when a filter hides some of it: an action applies to every selected
//! row, shown or not, so the count says how many the owner cannot see.

/// How many selected keys are not among the shown ones.
pub fn hidden<'a>(
    selected: &std::collections::HashSet<String>,
    shown: impl Iterator<Item = &'a str>,
) -> usize {
    if selected.is_empty() {
        return 0;
    }
    let visible = shown.filter(|key| selected.contains(*key)).count();
    selected.len().saturating_sub(visible)
}

/// "3 selected" or "3 selected, 2 hidden by the filter".
pub fn counted(selected: usize, hidden: usize) -> String {
    match hidden {
        0 => format!("{selected} selected"),
        n => format!("{selected} selected, {n} hidden by the filter"),
    }
}

/// The dialog's line about the hidden ones, if any.
pub fn hidden_note(hidden: usize) -> Option<String> {
    match hidden {
        0 => None,
        1 => Some("1 of them is hidden by the filter: it is included.".to_owned()),
        n => Some(format!(
            "{n} of them are hidden by the filter: they are included."
        )),
    }
}
