//! Credential authorizations (`GET /orgs/{org}/credential-authorizations`, contract §1.5) and
//! whether one of them is the credential the console itself is using.

/// One `credential-authorization`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    /// What `DELETE …/credential-authorizations/{credential_id}` takes (not
    /// `authorized_credential_id`, contract §1.6).
    pub credential_id: u64,
    pub login: String,
    pub kind: CredentialKind,
    /// `token_last_eight` (tokens only).
    pub token_last_eight: Option<String>,
    /// `fingerprint` (SSH keys only).
    pub fingerprint: Option<String>,
    /// `authorized_credential_title` (SSH keys) or `authorized_credential_note` (tokens).
    pub title: Option<String>,
    pub authorized_at: String,
    /// Null when never used.
    pub accessed_at: Option<String>,
    /// `authorized_credential_expires_at` (tokens only; null when it never expires).
    pub expires_at: Option<String>,
    pub scopes: Vec<String>,
}

/// `credential_type`. GitHub's credential types reference says owners can revoke the SSO
/// authorization of classic PATs and SSH keys only, and that OAuth and GitHub App tokens are
/// not even listed (contract §1.5); anything else is shown as GitHub spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialKind {
    /// `"personal access token"`: fine-grained tokens need no SSO authorization, so a listed
    /// one is classic.
    ClassicPat,
    /// `"SSH key"`.
    SshKey,
    Other(String),
}

impl CredentialKind {
    pub fn from_github(value: &str) -> Self {
        match value {
            "personal access token" => Self::ClassicPat,
            "SSH key" => Self::SshKey,
            other => Self::Other(other.to_owned()),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Self::ClassicPat => "personal access token (classic)",
            Self::SshKey => "SSH key",
            Self::Other(other) => other,
        }
    }

    pub fn revocable(&self) -> bool {
        matches!(self, Self::ClassicPat | Self::SshKey)
    }
}

impl Credential {
    /// What identifies the token or key to a person: its last eight characters or fingerprint.
    pub fn identifier(&self) -> &str {
        let id = self
            .token_last_eight
            .as_deref()
            .or(self.fingerprint.as_deref());
        id.unwrap_or_default()
    }
}

/// What the console knows of its own credential.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConsoleSelf {
    /// Direct mode: the last eight characters of the token the tab holds (the token itself
    /// never reaches the review). Proxy mode: `None`, the proxy's credential is invisible.
    pub token_last_eight: Option<String>,
    /// The account behind the credential (GraphQL `viewer { login }`), when asked.
    pub login: Option<String>,
}

impl ConsoleSelf {
    /// Direct mode, from the token the tab holds (an empty one tells nothing).
    pub fn direct(token: &str, login: Option<String>) -> Self {
        let chars: Vec<char> = token.trim().chars().collect();
        let tail: String = chars[chars.len().saturating_sub(8)..].iter().collect();
        Self {
            token_last_eight: (!tail.is_empty()).then_some(tail),
            login,
        }
    }

    /// Proxy mode: the console never sees the credential.
    pub fn proxy(login: Option<String>) -> Self {
        Self {
            token_last_eight: None,
            login,
        }
    }

    /// Whether `credential` is the one this console is using.
    pub fn owns(&self, credential: &Credential) -> Ownership {
        let same_account = self
            .login
            .as_deref()
            .map(|l| super::keys::same_login(l, &credential.login));
        if same_account == Some(false) || credential.kind == CredentialKind::SshKey {
            return Ownership::NotYours;
        }
        match &self.token_last_eight {
            // Tokens are case-sensitive, so their last eight are compared exactly.
            Some(ours) => match credential.token_last_eight.as_deref() == Some(ours.as_str()) {
                true => Ownership::Yours,
                false => Ownership::NotYours,
            },
            None if same_account == Some(true) => Ownership::MaybeYours,
            None => Ownership::CannotTell,
        }
    }
}

/// Whether revoking a credential could cut off the console itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    /// Its last eight characters are those of the token this tab holds.
    Yours,
    /// Proxy mode, and it belongs to the account the proxy's credential acts as.
    MaybeYours,
    /// Proxy mode without the account's login: the console cannot know.
    CannotTell,
    NotYours,
}
