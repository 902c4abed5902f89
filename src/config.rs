//! The runtime configuration, read from `config.json` at start-up so one build serves every site.
use console_core::saved_copy::CopyPolicy;
use serde::Deserialize;

/// How the console reaches GitHub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The browser calls the API base itself, with the owner's token held in memory.
    Direct,
    /// The browser calls a same-origin prefix; the site's reverse proxy adds the credential.
    Proxy,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuntimeConfig {
    pub mode: Mode,
    /// `https://api.github.com` in direct mode; a same-origin prefix such as `/github` in proxy mode.
    pub api_base: String,
    /// Organization to prefill in the connect form.
    #[serde(default)]
    pub org: String,
    /// The site fixes the API base: the connect form shows it but does not let it change.
    #[serde(default)]
    pub lock_api_base: bool,
    /// `allowSavedCopy` and `savedCopyMaxAgeDays`: whether and how long the saved copy is kept.
    #[serde(flatten)]
    pub saved_copy: CopyPolicy,
}

impl RuntimeConfig {
    /// Parses `config.json`; the error says what to fix in the file.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let config: Self = serde_json::from_slice(text.as_bytes())
            .map_err(|e| format!("config.json is not valid: {e}"))?;
        if config.api_base.trim().is_empty() {
            return Err(
                "config.json: “apiBase” is empty; set it to the GitHub API base \
                        (direct) or the proxy prefix (proxy)."
                    .into(),
            );
        }
        config.saved_copy.checked()?;
        Ok(config)
    }

    /// The API base without a trailing slash, ready to have a path appended.
    pub fn base(&self) -> &str {
        self.api_base.trim_end_matches('/')
    }
}

/// config.json is a small static file next to the page: a site that has not sent it within
/// this time is not going to, and the page says so rather than "Loading configuration…" forever.
const CONFIG_TIMEOUT_MS: u32 = 10_000;

/// Fetches and parses `config.json` next to `index.html`, giving up after `CONFIG_TIMEOUT_MS`.
pub async fn load() -> Result<RuntimeConfig, String> {
    let timeout = web_sys::AbortSignal::timeout_with_u32(CONFIG_TIMEOUT_MS);
    let failed = |what: &str, e: gloo_net::Error| {
        if timeout.aborted() {
            format!(
                "config.json did not answer within {} s: the site may be down or overloaded. \
                 Reload the page to try again.",
                CONFIG_TIMEOUT_MS / 1_000
            )
        } else {
            format!("config.json could not be {what}: {e}")
        }
    };
    // Absolute, like the asset paths Trunk writes: a deep link such as /identities/x must not
    // resolve it to /identities/config.json.
    let response = gloo_net::http::Request::get("/config.json")
        .abort_signal(Some(&timeout))
        .send()
        .await
        .map_err(|e| failed("fetched", e))?;
    if !response.ok() {
        return Err(format!(
            "config.json could not be fetched: HTTP {}",
            response.status()
        ));
    }
    let text = response.text().await.map_err(|e| failed("read", e))?;
    RuntimeConfig::from_json(&text)
}
