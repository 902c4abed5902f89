//! `--data FILE`: the identities as JSON, written atomically (temporary file, fsync, rename,
//! fsync of the directory) so a crash mid-write leaves either the old file or the new one,
//! never half of one, and a rename that was acknowledged survives a power loss too.
//!
//! The temporary file is always a new one (`create_new`, O_EXCL) with a random name: a
//! symlink planted at a name it could use is never followed, so the emulator cannot be made to
//! overwrite another file with the identities.
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use scim::ScimUser;
use serde::{Deserialize, Serialize};

use crate::store::Store;

/// The file's shape: `{"users": [ …SCIM users in list order… ]}`.
#[derive(Serialize)]
struct Saving<'a> {
    users: Vec<&'a ScimUser>,
    /// Issue 12 hook: the org world (`crate::org::snapshot`).
    org: crate::org::snapshot::Snapshot,
}

#[derive(Deserialize)]
struct Saved {
    users: Vec<ScimUser>,
    /// Absent in files saved before the org world existed.
    #[serde(default)]
    org: Option<crate::org::snapshot::Snapshot>,
}

pub fn save(path: &Path, store: &Store) -> io::Result<()> {
    let (tmp, file) = create_temporary(path)?;
    let written = write_synced(file, store).and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    // The rename is durable only once the directory entry is.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    File::open(dir.unwrap_or(Path::new(".")))?.sync_all()
}

/// A new file beside `path` (same directory, so the rename is atomic), named
/// `.<name>.<random>.tmp`; a name already taken, by anything, is never reused.
fn create_temporary(path: &Path) -> io::Result<(PathBuf, File)> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut last = None;
    for _ in 0..8 {
        let tmp = path.with_file_name(format!(".{name}.{:016x}.tmp", random()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// 64 unpredictable bits without a dependency: std's hasher keys are drawn from the OS's
/// random source for each thread, mixed here with the time and the process.
fn random() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    hasher.write_u128(now.as_nanos());
    hasher.write_u32(std::process::id());
    hasher.finish()
}

fn write_synced(file: File, store: &Store) -> io::Result<()> {
    {
        let mut out = BufWriter::new(file);
        serde_json::to_writer(
            &mut out,
            &Saving {
                users: store.iter().collect(),
                org: crate::org::snapshot::Snapshot::of(&store.org),
            },
        )?;
        out.flush()?;
        out.get_ref().sync_all()?;
    }
    Ok(())
}

/// The saved identities, or `None` when the file does not exist yet.
pub fn load(path: &Path) -> io::Result<Option<Store>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice::<Saved>(&bytes)
            .map(|saved| {
                let mut store = Store::default();
                saved.users.into_iter().for_each(|u| store.insert(u));
                if let Some(org) = saved.org {
                    store.org = org.restore(|id| store.get(id).and_then(|u| u.user_name.clone()));
                }
                Some(store)
            })
            .map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {e}", path.display()),
                )
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}
