//! Seeded credential authorizations: classic PATs (last eight characters, scopes, accessed and
//! expiry dates, some expired or never used), SSH keys (fingerprint, title), and now and then
//! an OAuth or GitHub App token, which GitHub lists but owners cannot revoke.
use scim::org::CredentialType;

use super::{pick, Builder, DAY};
use crate::ids::mix;
use crate::org::model::Credential;

impl Builder {
    /// About 4 in 10 people have credentials: classic PATs, SSH keys, now and then an app token.
    pub(super) fn credentials(&mut self, owner: u64, h: u64) {
        let r = mix(h ^ 0xC4ED);
        match r % 100 {
            0..=24 => self.pat(owner, r, None, &["repo"], None),
            25..=34 => {
                self.pat(owner, r, None, &["repo", "read:org"], None);
                self.ssh(owner, r);
            }
            35..=39 => self.ssh(owner, r),
            40 => self.app_token(owner, r, CredentialType::OauthAppToken),
            41 => self.app_token(owner, r, CredentialType::GithubAppToken),
            _ => {}
        }
    }

    fn dates(&self, r: u64) -> (u64, Option<u64>) {
        let authorized = self.today.saturating_sub((1 + r % 700) * DAY) + (r >> 7) % DAY;
        let accessed = (!r.is_multiple_of(10)).then(|| {
            (authorized + (r >> 11) % (self.today.saturating_sub(authorized) + 1)).min(self.today)
        });
        (authorized, accessed)
    }

    pub(super) fn pat(
        &mut self,
        owner: u64,
        r: u64,
        last_eight: Option<String>,
        scopes: &[&str],
        note: Option<&str>,
    ) {
        let id = self.world.next_credential;
        let r = mix(r ^ id);
        let (authorized, accessed) = self.dates(r);
        let expires = match (r >> 24) % 10 {
            0..=2 => None,
            k => Some(authorized + pick(&[30, 60, 90, 365, 7], k) * DAY),
        };
        let note = note.map(str::to_owned).or_else(|| {
            Some(
                pick(
                    &[
                        "laptop",
                        "CI deploy",
                        "terraform",
                        "backup script",
                        "gh cli",
                    ],
                    r >> 30,
                )
                .to_owned(),
            )
        });
        self.world.add_credential(Credential {
            credential_id: id,
            owner,
            kind: CredentialType::PersonalAccessToken,
            token_last_eight: Some(last_eight.unwrap_or_else(|| alnum(r, 8))),
            scopes: Some(scopes.iter().map(|s| s.to_string()).collect()),
            fingerprint: None,
            title: None,
            note,
            authorized_at: authorized,
            accessed_at: accessed,
            expires_at: expires,
            authorized_credential_id: 12_000_000 + id * 7,
        });
    }

    fn ssh(&mut self, owner: u64, r: u64) {
        let id = self.world.next_credential;
        let r = mix(r ^ id ^ 0x55);
        let (authorized, accessed) = self.dates(r);
        self.world.add_credential(Credential {
            credential_id: id,
            owner,
            kind: CredentialType::SshKey,
            token_last_eight: None,
            scopes: None,
            fingerprint: Some(format!("SHA256:{}", alnum(r, 43))),
            title: Some(
                pick(
                    &["work laptop", "desktop", "build agent", "yubikey"],
                    r >> 33,
                )
                .to_owned(),
            ),
            note: None,
            authorized_at: authorized,
            accessed_at: accessed,
            expires_at: None,
            authorized_credential_id: 12_000_000 + id * 7,
        });
    }

    fn app_token(&mut self, owner: u64, r: u64, kind: CredentialType) {
        let id = self.world.next_credential;
        let r = mix(r ^ id ^ 0xA7);
        let (authorized, accessed) = self.dates(r);
        self.world.add_credential(Credential {
            credential_id: id,
            owner,
            kind,
            token_last_eight: Some(alnum(r, 8)),
            scopes: Some(if kind == CredentialType::OauthAppToken {
                vec!["repo".into(), "read:org".into()]
            } else {
                Vec::new()
            }),
            fingerprint: None,
            title: None,
            note: None,
            authorized_at: authorized,
            accessed_at: accessed,
            expires_at: Some(authorized + 30 * DAY),
            authorized_credential_id: 12_000_000 + id * 7,
        });
    }
}

fn alnum(mut r: u64, len: usize) -> String {
    const CHARS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    (0..len)
        .map(|i| {
            if i % 10 == 9 {
                r = mix(r);
            }
            let c = CHARS[(r % CHARS.len() as u64) as usize] as char;
            r /= CHARS.len() as u64;
            c
        })
        .collect()
}
