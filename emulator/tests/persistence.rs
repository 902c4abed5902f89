//! `--data FILE`: changes survive a restart; the file is replaced atomically.
mod common;

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use common::*;
use emulator::{app, Emulator, Extras, TokenState};

fn with_file(path: &std::path::Path, seed: usize) -> axum::Router {
    let emulator = Emulator::new("acme-corp", [("good".to_owned(), TokenState::Authorized)])
        .with_seed(seed)
        .with_data_file(path.to_owned())
        .unwrap();
    app(Arc::new(emulator), Extras::default())
}

#[tokio::test]
async fn changes_survive_a_restart_and_the_seed_is_not_reapplied() {
    let dir = std::env::temp_dir().join(format!("scim-emulator-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("state.json");
    let _ = std::fs::remove_file(&path);

    let first = with_file(&path, 3);
    let created = post(&first, &new_user("kept@example.com")).await.json();
    let doomed = get(&first, USERS).await.json()["Resources"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let gone = send(
        &first,
        Method::DELETE,
        &format!("{USERS}/{doomed}"),
        Some("good"),
        None,
    )
    .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert_eq!(
        entries(&dir),
        ["state.json"],
        "no temporary file left behind"
    );

    let restarted = with_file(&path, 3);
    let list = get(&restarted, USERS).await.json();
    assert_eq!(list["totalResults"], 3);
    let ids: Vec<&str> = list["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&created["id"].as_str().unwrap()));
    assert!(!ids.contains(&doomed.as_str()));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Someone who can write to the data file's directory plants a symlink where the temporary
/// file would go: the save must create a file of its own, never write through the link.
#[cfg(unix)]
#[tokio::test]
async fn a_planted_symlink_is_never_written_through() {
    let dir = std::env::temp_dir().join(format!("scim-emulator-symlink-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let victim = dir.join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let path = dir.join("state.json");
    for planted in ["state.json.tmp", "state.tmp", "state.json~"] {
        std::os::unix::fs::symlink(&victim, dir.join(planted)).unwrap();
    }
    let router = with_file(&path, 3);
    post(&router, &new_user("kept@example.com")).await;
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let saved = std::fs::symlink_metadata(&path).unwrap();
    assert!(saved.is_file(), "the data file is a file of its own");
    assert_eq!(
        entries(&dir),
        [
            "state.json",
            "state.json.tmp",
            "state.json~",
            "state.tmp",
            "victim"
        ],
        "nothing else left behind"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_corrupt_file_is_an_error_that_names_it() {
    let path =
        std::env::temp_dir().join(format!("scim-emulator-corrupt-{}.json", std::process::id()));
    std::fs::write(&path, "{\"users\": [").unwrap();
    let result = Emulator::new("acme-corp", []).with_data_file(path.clone());
    let message = result.err().unwrap().to_string();
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    std::fs::remove_file(&path).unwrap();
}

/// Every kind of write, while the data file cannot be replaced (its name is taken by a
/// directory for the moment, the file set aside): the request fails with 500 and neither memory nor the file changes,
/// including the indexes (the same userName can be created once the disk is back).
#[tokio::test]
async fn a_write_that_cannot_be_saved_fails_and_changes_nothing() {
    let dir = std::env::temp_dir().join(format!("scim-emulator-unsaved-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("state.json");
    let _ = std::fs::remove_file(&path);
    let router = with_file(&path, 5);
    let list = |r: axum::Router| async move { get(&r, &format!("{USERS}?count=100")).await.text };
    let first = get(&router, USERS).await.json()["Resources"][0].clone();
    let id = first["id"].as_str().unwrap().to_owned();
    let one = format!("{USERS}/{id}");
    let renamed = {
        let mut u = new_user("renamed@example.com");
        u["externalId"] = first["externalId"].clone();
        u.to_string()
    };
    let patch = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Changed"}]}"#;
    let deactivate = r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}"#;
    let created = new_user("created@example.com").to_string();
    let writes: [(Method, &str, Option<&str>, StatusCode); 5] = [
        (Method::POST, USERS, Some(&created), StatusCode::CREATED),
        (Method::PUT, &one, Some(&renamed), StatusCode::OK),
        (Method::PATCH, &one, Some(patch), StatusCode::OK),
        (Method::PATCH, &one, Some(deactivate), StatusCode::OK),
        (Method::DELETE, &one, None, StatusCode::NO_CONTENT),
    ];
    let aside = dir.join("aside.json");
    let block = || {
        std::fs::rename(&path, &aside).unwrap();
        std::fs::create_dir_all(path.join("taken")).unwrap();
    };
    let unblock = || {
        std::fs::remove_dir_all(&path).unwrap();
        std::fs::rename(&aside, &path).unwrap();
    };
    for (method, uri, body, success) in writes {
        let memory = list(router.clone()).await;
        let file = std::fs::read(&path).unwrap();
        block();
        let failed = send(&router, method.clone(), uri, Some("good"), body).await;
        unblock();
        assert_eq!(
            failed.status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{method} {uri}: {}",
            failed.text
        );
        assert!(
            detail(&failed).contains("could not be saved"),
            "{}",
            failed.text
        );
        assert_eq!(
            list(router.clone()).await,
            memory,
            "{method}: memory unchanged"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            file,
            "{method}: file unchanged"
        );
        // The same write succeeds once the disk is back: nothing half-done was left behind.
        let done = send(&router, method.clone(), uri, Some("good"), body).await;
        assert_eq!(done.status, success, "{method} {uri}: {}", done.text);
        if method == Method::PATCH && body == Some(deactivate) {
            break; // the identity is gone; DELETE is covered below
        }
    }
    // DELETE (a removal from the middle of the order comes back at its place).
    let ids = |text: String| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["Resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = ids(list(router.clone()).await);
    let middle = format!("{USERS}/{}", before[1]);
    block();
    let failed = send(&router, Method::DELETE, &middle, Some("good"), None).await;
    unblock();
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(ids(list(router.clone()).await), before, "the order is kept");
    assert_eq!(
        send(&router, Method::DELETE, &middle, Some("good"), None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let restarted = with_file(&path, 5);
    assert_eq!(
        list(restarted).await,
        list(router.clone()).await,
        "the file holds what memory holds"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
