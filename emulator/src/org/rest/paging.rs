//! `per_page`/`page` as GitHub reads them (lenient: junk means the default; `per_page` capped
//! at 100 silently) and the answer of a paged list: a JSON array with GitHub's `Link` header,
//! whose URLs name the organization by id and keep every other query parameter.
use std::ops::Range;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use scim::org::{Link, DEFAULT_PER_PAGE, JSON_MEDIA_TYPE, MAX_PER_PAGE};
use serde::{Deserialize, Deserializer, Serialize};

use crate::org::ORG_ID;

/// A number in the query that GitHub ignores (default applies) when it is not one.
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.and_then(|s| s.trim().parse().ok()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// From 1.
    pub number: usize,
    pub size: usize,
}

impl Page {
    pub fn new(page: Option<i64>, per_page: Option<i64>) -> Self {
        let size = match per_page {
            Some(n) if n >= 1 => n.min(i64::from(MAX_PER_PAGE)) as usize,
            _ => DEFAULT_PER_PAGE as usize,
        };
        let number = page.filter(|p| *p >= 1).unwrap_or(1) as usize;
        Self { number, size }
    }

    /// The positions of this page in a list of `total`.
    pub fn range(&self, total: usize) -> Range<usize> {
        let start = (self.number - 1).saturating_mul(self.size).min(total);
        start..(start + self.size).min(total)
    }

    pub fn last(&self, total: usize) -> usize {
        total.div_ceil(self.size).max(1)
    }
}

/// A list answer: 200, the items, and `Link` for `…/organizations/<id>/<list>`.
pub fn paged<T: Serialize>(
    items: &[T],
    page: Page,
    total: usize,
    api: &str,
    list: &str,
    raw_query: Option<&str>,
) -> Response {
    let kept: Vec<&str> = raw_query
        .unwrap_or_default()
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("page="))
        .collect();
    let url_for = |n: u64| {
        let mut query = kept.clone();
        let page = format!("page={n}");
        query.push(&page);
        format!("{api}/organizations/{ORG_ID}/{list}?{}", query.join("&"))
    };
    let mut response = json(StatusCode::OK, items);
    let link = Link::for_page(page.number as u64, page.last(total) as u64, url_for);
    if let Some(value) = link.and_then(|l| HeaderValue::from_str(&l.to_string()).ok()) {
        response.headers_mut().insert(header::LINK, value);
    }
    response
}

pub fn json<T: Serialize + ?Sized>(status: StatusCode, body: &T) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, JSON_MEDIA_TYPE)],
        serde_json::to_string(body).unwrap_or_default(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_page_is_capped_silently_and_junk_means_the_default() {
        assert_eq!(Page::new(None, Some(500)).size, 100);
        assert_eq!(Page::new(None, Some(0)).size, 30);
        assert_eq!(Page::new(Some(-3), None).number, 1);
        assert_eq!(Page::new(Some(4), Some(10)).range(35), 30..35);
        assert_eq!(Page::new(Some(9), Some(10)).range(35), 35..35);
        assert_eq!(Page::new(None, Some(10)).last(0), 1);
    }
}
