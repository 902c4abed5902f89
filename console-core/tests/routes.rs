//! The console's URLs: which page a path shows, and the query a page keeps.
use console_core::routes::{identity, identity_edit, query_value, with_query, Route};

#[test]
fn every_path_shows_its_page_and_anything_else_is_not_found() {
    assert_eq!(Route::parse("/"), Route::Identities);
    assert_eq!(Route::parse(""), Route::Identities);
    assert_eq!(Route::parse("/provision/"), Route::Provision);
    assert_eq!(Route::parse("/activity"), Route::Activity);
    assert_eq!(Route::parse("/review"), Route::Review);
    assert_eq!(Route::parse("/review/"), Route::Review);
    assert_eq!(
        Route::parse("/identities/abc-1"),
        Route::Identity("abc-1".into())
    );
    assert_eq!(
        Route::parse("/identities/abc-1/edit"),
        Route::Edit("abc-1".into())
    );
    for other in [
        "/identities",
        "/identities/x/y",
        "/nope",
        "/provision/x",
        "/identities/%FF",
        "/identities/%zz",
    ] {
        assert_eq!(Route::parse(other), Route::NotFound, "{other}");
    }
}

#[test]
fn identity_links_round_trip_any_id() {
    for id in ["plain", "a/b", "a b?c#d", "Zoë&%", ".."] {
        assert_eq!(
            Route::parse(&identity(id)),
            Route::Identity(id.into()),
            "{id}"
        );
        assert_eq!(
            Route::parse(&identity_edit(id)),
            Route::Edit(id.into()),
            "{id}"
        );
    }
}

#[test]
fn query_values_are_decoded_and_written_back_the_same() {
    let url = with_query(
        "/",
        &[("q", "zoë m&x=1"), ("sort", "userName"), ("dir", "")],
    );
    assert_eq!(url, "/?q=zo%C3%AB%20m%26x%3D1&sort=userName");
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    assert_eq!(query_value(query, "q").as_deref(), Some("zoë m&x=1"));
    assert_eq!(query_value(query, "sort").as_deref(), Some("userName"));
    assert_eq!(query_value(query, "dir"), None);
    assert_eq!(
        query_value("?q=a+b", "q").as_deref(),
        Some("a b"),
        "a form's + is a space"
    );
    assert_eq!(query_value("q=%E0%A4", "q"), None, "not UTF-8");
    assert_eq!(query_value("q", "q").as_deref(), Some(""));
    assert_eq!(with_query("/", &[("q", "")]), "/");
}

/// The identity page links the linked account only when its `profileUrl` is a plain GitHub
/// profile address; a hostile value stays text.
#[test]
fn only_a_plain_github_profile_becomes_a_link() {
    use console_core::routes::github_profile;
    assert_eq!(
        github_profile("https://github.com/mona-lisa").as_deref(),
        Some("https://github.com/mona-lisa")
    );
    for hostile in [
        "javascript:alert(1)",
        "https://github.com.evil.example/mona",
        "https://github.com/mona/../../evil",
        "https://github.com/mona?x=1",
        "https://github.com/-mona",
        "https://github.com/",
        "http://github.com/mona",
        "https://github.com/mo\"na",
    ] {
        assert_eq!(github_profile(hostile), None, "{hostile}");
    }
}
