//! The before-answer drop over a real socket: the write is performed, then the connection
//! closes before a single byte of the answer is written (read with a raw TCP client, so nothing
//! in between can hide a byte).
mod common;

use std::net::SocketAddr;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn start() -> (SocketAddr, axum::Router) {
    let router = router(&emulator(0));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let served = router.clone();
    tokio::spawn(emulator::listener::serve(
        listener,
        served,
        std::future::pending(),
    ));
    (addr, router)
}

/// Sends one raw HTTP/1.1 request and returns every byte that came back before the close.
async fn raw(addr: SocketAddr, method: &str, path: &str, body: &str) -> Vec<u8> {
    let mut socket = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAuthorization: Bearer good\r\n\
         Content-Type: application/scim+json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    socket.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    // A reset instead of an orderly close is a close with nothing read, too.
    let _ = socket.read_to_end(&mut answer).await;
    answer
}

#[tokio::test]
async fn a_before_answer_drop_performs_the_post_and_closes_with_no_byte_written() {
    let (addr, router) = start().await;
    let fault = json!({"after": true, "drop": "before-answer", "method": "POST"});
    let queued = send(
        &router,
        Method::POST,
        "/_emulator/faults",
        None,
        Some(&fault.to_string()),
    )
    .await;
    assert_eq!(queued.status, StatusCode::NO_CONTENT);

    let body = new_user("dropped@example.com").to_string();
    let answer = raw(addr, "POST", USERS, &body).await;
    assert!(
        answer.is_empty(),
        "no byte before the close: {:?}",
        String::from_utf8_lossy(&answer)
    );

    let found = get(
        &router,
        &format!("{USERS}?filter=userName%20eq%20%22dropped@example.com%22"),
    )
    .await;
    assert_eq!(found.json()["totalResults"], 1, "the POST was performed");

    // The fault is used up: the same request again is answered (409: it exists).
    let again = raw(addr, "POST", USERS, &body).await;
    assert!(String::from_utf8_lossy(&again).starts_with("HTTP/1.1 409"));
}

#[tokio::test]
async fn a_mid_answer_drop_sends_the_head_then_breaks() {
    let (addr, router) = start().await;
    let fault = json!({"drop": "mid-answer", "method": "GET"});
    send(
        &router,
        Method::POST,
        "/_emulator/faults",
        None,
        Some(&fault.to_string()),
    )
    .await;
    let answer = raw(addr, "GET", USERS, "").await;
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(!text.contains("totalResults"), "the body is cut: {text}");
}

#[tokio::test]
async fn invalid_fault_specs_are_refused_with_what_to_fix() {
    let router = router(&emulator(0));
    let cases = [
        (json!({"count": 0}), "`count` must be at least 1"),
        (json!({"status": 200}), "not an error status"),
        (json!({"status": 500, "drop": true}), "not both"),
        (json!({"after": true}), "`after` needs `status` or `drop`"),
        (json!({"retryAfter": 3}), "`retryAfter` needs a `status`"),
        (json!({"delayMs": 3_600_000}), "at most 600000"),
        (
            json!({"sso": true, "status": 500}),
            "`sso` needs `status` 403 or 404",
        ),
    ];
    for (fault, message) in cases {
        let answer = send(
            &router,
            Method::POST,
            "/_emulator/faults",
            None,
            Some(&fault.to_string()),
        )
        .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{fault}");
        assert!(
            answer.json()["message"].as_str().unwrap().contains(message),
            "{}",
            answer.text
        );
    }
    let unknown = json!({"drop": "sideways"});
    let answer = send(
        &router,
        Method::POST,
        "/_emulator/faults",
        None,
        Some(&unknown.to_string()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.text.contains("before-answer"), "{}", answer.text);
    // Nothing was queued by the refused ones.
    assert_eq!(get(&router, USERS).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_slow_write_is_finished_even_when_the_client_hangs_up() {
    let (addr, router) = start().await;
    let fault = json!({"delayMs": 300, "method": "POST"});
    send(
        &router,
        Method::POST,
        "/_emulator/faults",
        None,
        Some(&fault.to_string()),
    )
    .await;
    let body = new_user("slow@example.com").to_string();
    let mut socket = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST {USERS} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAuthorization: Bearer good\r\n\
         Content-Type: application/scim+json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    socket.write_all(request.as_bytes()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    drop(socket); // the client gives up before the answer
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let found = get(
        &router,
        &format!("{USERS}?filter=userName%20eq%20%22slow@example.com%22"),
    )
    .await;
    assert_eq!(found.json()["totalResults"], 1);
}

#[tokio::test]
async fn an_sso_fault_answers_as_github_refuses_an_unauthorized_token() {
    let router = router(&emulator(1));
    for status in [403, 404] {
        let fault = json!({"sso": true, "status": status, "method": "GET"});
        send(
            &router,
            Method::POST,
            "/_emulator/faults",
            None,
            Some(&fault.to_string()),
        )
        .await;
        let answer = get(&router, USERS).await;
        assert_eq!(answer.status.as_u16(), status);
        assert!(answer.header("x-github-sso").starts_with(
            "required; url=https://github.com/orgs/Acme-Corp/sso?authorization_request="
        ));
    }
    assert_eq!(get(&router, USERS).await.status, StatusCode::OK);
}
