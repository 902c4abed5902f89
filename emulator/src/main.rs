//! `scim-emulator`: see `--help` and the README's "Emulator" section.
use std::sync::Arc;

use clap::Parser;
use emulator::{app, Emulator, Extras, Options};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let options = Options::parse();
    let mut emulator = Emulator::new(&options.org, options.tokens.clone())
        .with_seed(options.seed_users)
        .with_rate_limit(options.rate_limit)
        .with_enterprise_saml(options.enterprise_saml.clone());
    if let Some(path) = &options.data {
        emulator = emulator.with_data_file(path.clone())?;
    }
    let extras = Extras {
        static_dir: options.static_dir.as_deref(),
        test_control: options.test_control,
        control_origin: options.control_origin.as_ref(),
    };
    let router = app(Arc::new(emulator), extras);
    let listener = tokio::net::TcpListener::bind(options.listen).await?;
    // Scripts wait for this line before they point a browser at the emulator.
    println!(
        "scim-emulator listening on http://{} for organization {}",
        listener.local_addr()?,
        options.org
    );
    emulator::listener::serve(listener, router, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
