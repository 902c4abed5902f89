//! `--data FILE`: the identities as JSON, written atomically (temporary file, fsync, rename,
//! fsync of the directory) so a crash mid-write leaves either the old file or the new one,
//! never half of one, and a rename that was acknowledged survives a power loss too.
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

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
    let tmp = path.with_extension("json.tmp");
    let written = write_synced(&tmp, store).and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    // The rename is durable only once the directory entry is.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    File::open(dir.unwrap_or(Path::new(".")))?.sync_all()
}

fn write_synced(tmp: &Path, store: &Store) -> io::Result<()> {
    {
        let mut out = BufWriter::new(File::create(tmp)?);
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
