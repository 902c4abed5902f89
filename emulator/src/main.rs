//! `scim-emulator`: see `--help` and the README's "Emulator" section.
use std::sync::Arc;

use clap::Parser;
use emulator::{app, seed, Emulator, Options};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let options = Options::parse();
    let emulator = Emulator::new(&options.org, options.tokens.clone());
    {
        let mut store = emulator.store.write().unwrap_or_else(|e| e.into_inner());
        seed::users(options.seed_users).for_each(|u| store.insert(u));
    }
    let router = app(Arc::new(emulator), options.static_dir.as_deref());
    let listener = tokio::net::TcpListener::bind(options.listen).await?;
    // Scripts wait for this line before they point a browser at the emulator.
    println!(
        "scim-emulator listening on http://{} for organization {}",
        listener.local_addr()?,
        options.org
    );
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
