//! The `Link` header of GitHub's paged REST lists: `<url>; rel="next", <url>; rel="last"`, with
//! the relations in GitHub's order (prev, next, last, first) and only those that apply. The
//! emulator renders it; the console reads only its page numbers (`page_of`) and builds every
//! request URL from its own API base, never following a URL from an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRel {
    Prev,
    Next,
    Last,
    First,
}

impl LinkRel {
    fn name(self) -> &'static str {
        match self {
            Self::Prev => "prev",
            Self::Next => "next",
            Self::Last => "last",
            Self::First => "first",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [Self::Prev, Self::Next, Self::Last, Self::First]
            .into_iter()
            .find(|r| r.name() == name)
    }
}

/// A parsed (or to-be-rendered) `Link` header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    pub entries: Vec<(LinkRel, String)>,
}

impl Link {
    /// The relations for `page` of `last_page` (pages from 1), GitHub's way: `prev` and
    /// `first` unless on the first page, `next` and `last` unless on the last; `None` when
    /// everything fits on one page. `url_for(n)` makes the URL of page `n`.
    pub fn for_page(page: u64, last_page: u64, url_for: impl Fn(u64) -> String) -> Option<Self> {
        if last_page <= 1 && page <= 1 {
            return None;
        }
        let mut entries = Vec::new();
        if page > 1 {
            entries.push((LinkRel::Prev, url_for(page - 1)));
        }
        if page < last_page {
            entries.push((LinkRel::Next, url_for(page + 1)));
            entries.push((LinkRel::Last, url_for(last_page)));
        }
        if page > 1 {
            entries.push((LinkRel::First, url_for(1)));
        }
        Some(Self { entries })
    }

    /// Reads a `Link` header; unknown relations and malformed parts are skipped.
    pub fn parse(header: &str) -> Self {
        let entries = header
            .split(',')
            .filter_map(|part| {
                let (url, params) = part.trim().split_once(';')?;
                let url = url.trim().strip_prefix('<')?.strip_suffix('>')?;
                let rel = params.split(';').find_map(|p| {
                    let value = p.trim().strip_prefix("rel=")?;
                    LinkRel::from_name(value.trim_matches('"'))
                })?;
                Some((rel, url.to_owned()))
            })
            .collect();
        Self { entries }
    }

    pub fn get(&self, rel: LinkRel) -> Option<&str> {
        self.entries
            .iter()
            .find(|(r, _)| *r == rel)
            .map(|(_, url)| url.as_str())
    }

    /// The page number in the URL of `rel` (its `page` query parameter).
    pub fn page_of(&self, rel: LinkRel) -> Option<u64> {
        let (_, query) = self.get(rel)?.split_once('?')?;
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix("page="))
            .and_then(|v| v.parse().ok())
    }
}

impl std::fmt::Display for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (rel, url)) in self.entries.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "<{url}>; rel=\"{}\"", rel.name())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(n: u64) -> String {
        format!("https://api.github.com/organizations/1/members?per_page=2&page={n}")
    }

    #[test]
    fn first_middle_last_and_single_pages_carry_githubs_relations_in_its_order() {
        let first = Link::for_page(1, 5, url).map(|l| l.to_string());
        assert_eq!(
            first.as_deref(),
            Some("<https://api.github.com/organizations/1/members?per_page=2&page=2>; rel=\"next\", <https://api.github.com/organizations/1/members?per_page=2&page=5>; rel=\"last\"")
        );
        let middle = Link::for_page(3, 5, url).unwrap_or_default();
        let rels: Vec<LinkRel> = middle.entries.iter().map(|(r, _)| *r).collect();
        assert_eq!(
            rels,
            [LinkRel::Prev, LinkRel::Next, LinkRel::Last, LinkRel::First]
        );
        let last = Link::for_page(5, 5, url).unwrap_or_default();
        assert_eq!(last.page_of(LinkRel::Prev), Some(4));
        assert_eq!(last.get(LinkRel::Next), None);
        assert_eq!(Link::for_page(1, 1, url), None);
        assert_eq!(Link::for_page(1, 0, url), None);
    }

    #[test]
    fn parse_reads_back_what_is_rendered_and_skips_junk() {
        let link = Link::for_page(2, 9, url).unwrap_or_default();
        assert_eq!(Link::parse(&link.to_string()), link);
        let odd =
            Link::parse("<a?page=3>; rel=\"next\", junk, <b>; rel=\"up\", <c?page=7>; rel=last");
        assert_eq!(odd.page_of(LinkRel::Next), Some(3));
        assert_eq!(odd.page_of(LinkRel::Last), Some(7));
        assert_eq!(odd.entries.len(), 2);
    }
}
