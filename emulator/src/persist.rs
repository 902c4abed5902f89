//! `--data FILE`: the identities as JSON, written atomically (temporary file, fsync, rename) so
//! a crash mid-write leaves either the old file or the new one, never half of one.
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
}

#[derive(Deserialize)]
struct Saved {
    users: Vec<ScimUser>,
}

pub fn save(path: &Path, store: &Store) -> io::Result<()> {
    let tmp = path.with_extension("json.tmp");
    {
        let mut out = BufWriter::new(File::create(&tmp)?);
        serde_json::to_writer(
            &mut out,
            &Saving {
                users: store.iter().collect(),
            },
        )?;
        out.flush()?;
        out.get_ref().sync_all()?;
    }
    fs::rename(&tmp, path)
}

/// The saved identities, or `None` when the file does not exist yet.
pub fn load(path: &Path) -> io::Result<Option<Store>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice::<Saved>(&bytes)
            .map(|saved| {
                let mut store = Store::default();
                saved.users.into_iter().for_each(|u| store.insert(u));
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
