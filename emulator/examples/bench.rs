//! Benchmark of the emulator alone, on loopback: pages of 100 from 100,000 seeded identities,
//! exact lookups, and writes; for the drift review, pages of 100 members (REST), of 100
//! external identities (the GraphQL drift query) and of 100 credential authorizations. Baseline in the same run: `count=0` (auth, rate limit and the
//! JSON envelope without identities), so the ratio shows what paging itself costs.
//!
//! cargo run --profile emulator -p emulator --example bench [-- USERS CONNECTIONS]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use emulator::{app, Emulator, Extras, TokenState};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

type Http = Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>;

#[tokio::main]
async fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().unwrap());
    let users = args.next().unwrap_or(100_000);
    let connections = args.next().unwrap_or(4);
    let emulator = Emulator::new("acme-corp", [("t".to_owned(), TokenState::Authorized)])
        .with_seed(users)
        .with_rate_limit(u64::MAX);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let root: &'static str = String::leak(format!("http://{}", listener.local_addr().unwrap()));
    let base: &'static str = String::leak(format!("{root}/scim/v2/organizations/acme-corp/Users"));
    let (members, identities, credentials) = {
        let store = emulator.read_store();
        let org = &store.org;
        (
            org.member_count(),
            org.identity_seqs().len(),
            org.all_credentials().count(),
        )
    };
    let emulator = Arc::new(emulator);
    let served = emulator.clone();
    tokio::spawn(async move { axum::serve(listener, app(served, Extras::default())).await });
    let http: Http = Client::builder(TokioExecutor::new()).build_http();

    println!("emulator alone, {users} identities, {connections} connections, loopback");
    println!("| workload | requests | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|");
    let pages = users.div_ceil(100);
    let total_only = move |_: usize| ("GET", format!("{base}?count=0"), None);
    let page = move |i: usize| {
        (
            "GET",
            format!("{base}?startIndex={}&count=100", i % pages * 100 + 1),
            None,
        )
    };
    let lookup = move |i: usize| {
        let who = emulator::seed::user((i * 7_919 % users) as u64)
            .user_name
            .unwrap();
        (
            "GET",
            format!("{base}?filter=userName%20eq%20%22{who}%22"),
            None,
        )
    };
    let create = move |i: usize| {
        let body = format!(
            r#"{{"userName":"bench{i}@example.com","name":{{"givenName":"B","familyName":"N"}},"emails":[{{"value":"bench{i}@example.com"}}]}}"#
        );
        ("POST", base.to_owned(), Some(body))
    };
    run(
        &http,
        "baseline: count=0 (no identities)",
        pages,
        connections,
        total_only,
    )
    .await;
    run(&http, "page of 100 (all pages)", pages, connections, page).await;
    run(&http, "userName eq lookup", 500, connections, lookup).await;
    run(&http, "POST create", 1_000, 1, create).await;

    println!("\norg world: {members} members, {identities} external identities, {credentials} credential authorizations");
    let member_pages = members.div_ceil(100);
    let members_page = move |i: usize| {
        let page = i % member_pages + 1;
        (
            "GET",
            format!("{root}/orgs/acme-corp/members?per_page=100&page={page}"),
            None,
        )
    };
    let identity_pages = identities.div_ceil(100);
    let drift_page = move |i: usize| {
        let after = match i % identity_pages {
            0 => serde_json::Value::Null,
            n => emulator::graphql::identities::cursor((n * 100) as u64).into(),
        };
        let body = serde_json::json!({
            "query": scim::org::graphql::DRIFT_QUERY,
            "variables": {"org": "acme-corp", "after": after},
        });
        ("POST", format!("{root}/graphql"), Some(body.to_string()))
    };
    let credential_pages = credentials.div_ceil(100);
    let credentials_page = move |i: usize| {
        let page = i % credential_pages + 1;
        (
            "GET",
            format!("{root}/orgs/acme-corp/credential-authorizations?per_page=100&page={page}"),
            None,
        )
    };
    run(
        &http,
        "members: page of 100 (all pages)",
        member_pages,
        connections,
        members_page,
    )
    .await;
    run(
        &http,
        "GraphQL drift query: page of 100 identities",
        identity_pages,
        connections,
        drift_page,
    )
    .await;
    run(
        &http,
        "credential authorizations: page of 100",
        credential_pages,
        connections,
        credentials_page,
    )
    .await;
}

async fn run<F>(http: &Http, name: &str, requests: usize, connections: usize, request: F)
where
    F: Fn(usize) -> (&'static str, String, Option<String>) + Send + Sync + Clone + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (http, next, request) = (http.clone(), next.clone(), request.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests {
                        return latencies;
                    }
                    let (method, uri, body) = request(i);
                    let req = hyper::Request::builder()
                        .method(method)
                        .uri(uri)
                        .header("authorization", "Bearer t")
                        .header("content-type", "application/scim+json")
                        .body(Full::new(Bytes::from(body.unwrap_or_default())))
                        .unwrap();
                    let t = Instant::now();
                    let response = http.request(req).await.unwrap();
                    assert!(response.status().is_success(), "{}", response.status());
                    response.into_body().collect().await.unwrap();
                    latencies.push(t.elapsed());
                }
            })
        })
        .collect();
    let mut all: Vec<Duration> = Vec::new();
    for worker in workers {
        all.extend(worker.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct =
        |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1e3;
    println!(
        "| {name} | {} | {:.0} | {:.2} | {:.2} |",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99)
    );
}
