//! The site around the console (proxy mode, deploy/): who its proxy says is calling, from
//! `/_site/whoami`, and the link that signs in again through the site's gateway (oauth2-proxy's
//! `/oauth2/start?rd=`), back to the page the owner is on.
/// Who the site's proxy acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteIdentity {
    /// Signed in through the site's gateway, or by a client certificate: its email or subject.
    Person(String),
    /// The site was deployed with `AUTH=none`: it does not know who is calling, and anyone who
    /// can reach it acts with the owner's credential.
    Anyone,
}

impl SiteIdentity {
    /// Reads the proxy's answer; anything else (the app's own index.html where there is no
    /// proxy, an empty person, an unknown kind) says nothing.
    pub fn from_json(text: &str) -> Option<Self> {
        // Read through `Value`, which the console links anyway: a derived decoder for two
        // strings would add to the wasm for nothing.
        let whoami: serde_json::Value = serde_json::from_str(text).ok()?;
        let person = whoami["person"].as_str()?;
        match whoami["auth"].as_str()? {
            "none" => Some(Self::Anyone),
            "gateway" | "mtls" if !person.trim().is_empty() => Some(Self::Person(person.into())),
            _ => None,
        }
    }

    /// One line for the header.
    pub fn line(&self) -> String {
        match self {
            Self::Person(person) => format!("Signed in to this site as {person}"),
            Self::Anyone => "This site does not know who you are: anyone who can reach it acts as \
                             the organization's owner."
                .into(),
        }
    }
}

/// The gateway's sign-in, coming back to `path` (the page's path and query) on this site; any
/// other target becomes `/`, so the link can never send the owner elsewhere.
pub fn sign_in_link(path: &str) -> String {
    let local = path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\");
    let target = if local { path } else { "/" };
    let mut encoded = String::with_capacity(target.len() * 3);
    for byte in target.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(char::from(byte))
            }
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                encoded.push('%');
                encoded.push(char::from(HEX[usize::from(byte >> 4)]));
                encoded.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
    format!("/oauth2/start?rd={encoded}")
}
