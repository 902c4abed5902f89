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
    assert!(
        !dir.join("state.json.tmp").exists(),
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
