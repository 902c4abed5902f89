//! A thin IndexedDB driver: one database (`scim-admin`) with one object store of byte values by
//! string key; each call opens the database, runs one transaction to its end, and closes it
//! (so nothing holds the database open between calls).
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "scim-admin";
const STORE: &str = "saved";

/// Waits for one event of `on(target)`: success (or complete) resolves, error rejects.
async fn settle(wire: impl FnOnce(&js_sys::Function, &js_sys::Function)) -> Result<(), JsValue> {
    let mut wire = Some(wire);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(wire) = wire.take() {
            wire(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn request_done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    settle(|ok, err| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(err));
    })
    .await?;
    request.result()
}

async fn transaction_done(tx: &IdbTransaction) -> Result<(), JsValue> {
    settle(|ok, err| {
        tx.set_oncomplete(Some(ok));
        tx.set_onerror(Some(err));
        tx.set_onabort(Some(err));
    })
    .await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DB, 1)?;
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    request_done(&request).await?.dyn_into()
}

/// Runs `work` on the store in one transaction and waits for it to end; closes the database.
async fn with_store(
    mode: IdbTransactionMode,
    work: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = open().await?;
    let run = async {
        let tx = db.transaction_with_str_and_mode(STORE, mode)?;
        let request = work(&tx.object_store(STORE)?)?;
        let value = request_done(&request).await?;
        transaction_done(&tx).await?;
        Ok(value)
    };
    let result = run.await;
    db.close();
    result
}

/// The bytes kept under `key`, if any.
pub async fn get(key: &str) -> Result<Option<Vec<u8>>, JsValue> {
    let value = with_store(IdbTransactionMode::Readonly, |s| s.get(&key.into())).await?;
    Ok(value
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|bytes| bytes.to_vec()))
}

/// Keeps `bytes` under `key`, replacing what was there; done when the transaction committed.
pub async fn put(key: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let value = Uint8Array::from(bytes);
    with_store(IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&value, &key.into())
    })
    .await
    .map(|_| ())
}

/// Removes what is kept under `key`.
pub async fn delete(key: &str) -> Result<(), JsValue> {
    with_store(IdbTransactionMode::Readwrite, |s| s.delete(&key.into()))
        .await
        .map(|_| ())
}
