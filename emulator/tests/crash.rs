//! `--data FILE` survives `kill -9` at any moment: 20 times, the real binary is killed at a
//! random point of a stream of creates and deletes; each time the file loads and holds every
//! write whose answer had arrived (and none that was acknowledged as deleted).
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const ROUNDS: usize = 20;
const USERS: &str = "/scim/v2/organizations/acme-corp/Users";

/// Acknowledged writes: created userName → id, and the ids whose deletion was acknowledged.
/// A deletion sent but not acknowledged may or may not have happened: `in_doubt`.
#[derive(Default)]
struct Acked {
    created: HashMap<String, String>,
    deleted: HashSet<String>,
    in_doubt: HashSet<String>,
}

fn start(data: &std::path::Path) -> (Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scim-emulator"))
        .args([
            "--listen",
            "127.0.0.1:0",
            "--seed-users",
            "2000",
            "--token",
            "crash=authorized",
        ])
        .arg("--data")
        .arg(data)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    (child, port)
}

/// One HTTP/1.1 exchange; `None` when the connection broke before a whole answer arrived.
fn exchange(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer crash\r\n\
         Content-Type: application/scim+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let status = answer.split(' ').nth(1)?.parse().ok()?;
    let (_, body) = answer.split_once("\r\n\r\n")?;
    Some((status, body.to_owned()))
}

/// Creates and deletes until the emulator dies, recording what was acknowledged.
fn write_until_killed(port: u16, round: usize, acked: &Mutex<Acked>) {
    for i in 0.. {
        let user = format!("crash-{round}-{i}@example.com");
        let body = format!(
            r#"{{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{user}","name":{{"givenName":"C","familyName":"K"}},"emails":[{{"value":"{user}","primary":true}}]}}"#
        );
        let Some((status, answer)) = exchange(port, "POST", USERS, &body) else {
            return;
        };
        assert_eq!(status, 201, "{answer}");
        let id = answer
            .split(r#""id":""#)
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_owned();
        acked.lock().unwrap().created.insert(user, id.clone());
        if i % 3 == 2 {
            acked.lock().unwrap().in_doubt.insert(id.clone());
            let Some((status, _)) = exchange(port, "DELETE", &format!("{USERS}/{id}"), "") else {
                return;
            };
            assert_eq!(status, 204);
            let mut acked = acked.lock().unwrap();
            acked.in_doubt.remove(&id);
            acked.deleted.insert(id);
        }
    }
}

#[test]
fn the_data_file_survives_kill_9_with_every_acknowledged_write() {
    let dir = std::env::temp_dir().join(format!("scim-emulator-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("state.json");
    let _ = std::fs::remove_file(&data);
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("random seed {seed}");
    let acked = Arc::new(Mutex::new(Acked::default()));
    let mut total = 0;
    for round in 0..ROUNDS {
        let (mut child, port) = start(&data);
        let writer = {
            let acked = acked.clone();
            std::thread::spawn(move || write_until_killed(port, round, &acked))
        };
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(50 + seed % 750));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        writer.join().unwrap();

        let store = emulator::persist::load(&data)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"))
            .unwrap();
        let acked = acked.lock().unwrap();
        for (user, id) in &acked.created {
            let kept = store.get(id);
            if acked.in_doubt.contains(id) {
                continue;
            }
            if acked.deleted.contains(id) {
                assert!(
                    kept.is_none(),
                    "round {round}: {user} was deleted, yet it is back"
                );
            } else {
                assert!(
                    kept.is_some(),
                    "round {round}: {user} was acknowledged, yet it is lost"
                );
            }
        }
        total = acked.created.len() + acked.deleted.len();
    }
    eprintln!("{total} acknowledged writes over {ROUNDS} kills");
    assert!(total >= ROUNDS, "too few writes to prove anything: {total}");
    std::fs::remove_dir_all(&dir).unwrap();
}
