//! The seeded organization: the SCIM identities of `--seed-users N` become part of one world
//! (a linked SCIM identity has a member and an external identity node), plus every kind of
//! drift an owner meets, in realistic proportions, deterministically (the same N gives the
//! same people; dates are relative to the day the emulator started):
//!
//! | who | share | what GitHub shows |
//! |---|---|---|
//! | linked SCIM identities (4 in 5 of N) | 97 % of them | member, one node with SAML (NameID = userName) + SCIM + user |
//! | … removed by hand | 2 % | not a member; the node stays linked to the login (stale) |
//! | … NameID differs in case only | 1 % | member, one node, `nameId` ≠ `username` by case |
//! | pending SCIM identities (1 in 5 of N) | 85 % of them | SCIM-only node, no user, a SCIM invitation 1–365 days old |
//! | … NameID ≠ userName | 15 % | the SCIM-only node, and a member with a SAML-only node whose NameID differs, sharing the email |
//! | members invited by hand, never signed in | 4 % of N | member, no external identity |
//! | members with SAML only | 2 % of N | member, SAML-only node (no SCIM identity) |
//! | outside collaborators | 1 % of N | outside collaborator (SAML does not apply) |
//! | pending invitations sent by hand | 0.5 % of N | member invitations 0–6 days old, to a login or an email |
//! | credential authorizations | ~40 % of members | classic PATs, SSH keys, a few OAuth/GitHub App tokens |
//! | … of people who are not members | 1 in 10 stale logins | an anomaly the review should show |
//!
//! The dedicated owner account `<org>-admin` is an admin with a SAML-only identity; each
//! authorized or read-only token of the command line is one of its classic PATs (same last
//! eight characters), so a console can recognise the credential it is using.
mod credentials;
mod extras;
use scim::ScimUser;

use super::model::{
    Account, ExternalIdentity, Invitation, InvitationRole, InvitationSource, Role, SamlIdentity,
    TwoFactor,
};
use super::world::OrgWorld;
use crate::ids::{mix, uuid_from};

const DAY: u64 = 86_400;
const FIRST_ACCOUNT: u64 = 5_000_001;
const FIRST_INVITATION: u64 = 30_000_001;
const FIRST_CREDENTIAL: u64 = 161_195;

/// What seeding needs beyond the SCIM identities.
pub struct Seeding<'a> {
    pub org: &'a str,
    /// Token values that get a PAT of the owner account, with their scopes.
    pub owner_tokens: Vec<(&'a str, &'a str)>,
    /// Seconds since the epoch; ages are counted back from the start of that day.
    pub now: u64,
    /// Add the drift beyond the SCIM identities (false: only what the SCIM identities imply,
    /// for a saved file from before the world existed).
    pub extras: bool,
}

pub fn world<'u>(
    users: impl Iterator<Item = &'u ScimUser>,
    n: usize,
    seeding: &Seeding,
) -> OrgWorld {
    let today = seeding.now - seeding.now % DAY;
    let mut b = Builder {
        world: OrgWorld::starting_at(FIRST_ACCOUNT, 1, FIRST_INVITATION, FIRST_CREDENTIAL),
        today,
    };
    let owner = b.account(
        &format!("{}-admin", seeding.org.to_lowercase()),
        Some("Organization owner (SCIM)"),
        1,
    );
    b.world.owner = owner;
    b.world.add_member(owner, Role::Admin);
    b.saml_only(
        owner,
        &format!("scim-admin@{}.example", seeding.org),
        &[],
        None,
        None,
    );
    for (i, (token, scopes)) in seeding.owner_tokens.iter().enumerate() {
        let tail: String = token
            .chars()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        b.pat(
            owner,
            i as u64,
            Some(tail),
            &[scopes],
            Some("scim-admin console"),
        );
    }
    for (i, user) in users.enumerate() {
        b.scim_identity(i as u64, user);
    }
    if seeding.extras && n > 0 {
        b.extras(n as u64);
    }
    b.world
}

struct Builder {
    world: OrgWorld,
    today: u64,
}

fn pick<T: Copy>(items: &[T], r: u64) -> T {
    items[(r % items.len() as u64) as usize]
}

impl Builder {
    fn account(&mut self, login: &str, name: Option<&str>, salt: u64) -> u64 {
        let id = self.world.next_account;
        let r = mix(id ^ salt);
        let two_factor = match r % 100 {
            0..=2 => TwoFactor::Disabled,
            3..=7 => TwoFactor::Insecure,
            _ => TwoFactor::Secure,
        };
        self.world.add_account(Account {
            id,
            login: login.to_owned(),
            name: name.map(str::to_owned),
            two_factor,
        });
        id
    }

    fn identity(
        &mut self,
        saml: Option<SamlIdentity>,
        scim: Option<&ScimUser>,
        user: Option<u64>,
        invitation: Option<u64>,
    ) {
        let seq = self.world.next_seq;
        self.world.add_identity(
            ExternalIdentity {
                seq,
                guid: uuid_from(seq ^ 0x6E1D_u64.rotate_left(40)),
                saml,
                scim_user_id: scim.map(|u| u.id.clone()),
                user,
                invitation,
            },
            scim.and_then(|u| u.user_name.as_deref()),
        );
    }

    fn saml_only(
        &mut self,
        user: u64,
        name_id: &str,
        emails: &[String],
        given: Option<String>,
        family: Option<String>,
    ) {
        let saml = SamlIdentity {
            name_id: name_id.to_owned(),
            emails: if emails.is_empty() {
                vec![name_id.to_owned()]
            } else {
                emails.to_vec()
            },
            given_name: given,
            family_name: family,
            groups: Vec::new(),
        };
        self.identity(Some(saml), None, Some(user), None);
    }

    fn scim_invitation(
        &mut self,
        email: Option<String>,
        age_days: u64,
        source: InvitationSource,
        invitee: Option<u64>,
    ) -> u64 {
        let id = self.world.next_invitation;
        let r = mix(id);
        self.world.add_invitation(Invitation {
            id,
            invitee,
            email,
            role: if r.is_multiple_of(50) {
                InvitationRole::Admin
            } else {
                InvitationRole::DirectMember
            },
            source,
            created_at: self.today.saturating_sub(age_days * DAY) + r % DAY,
            inviter: self.world.owner,
        });
        id
    }

    /// One SCIM identity `i` of the seed and what it implies.
    fn scim_identity(&mut self, i: u64, user: &ScimUser) {
        let h = mix(i ^ 0xD21F7);
        let user_name = user.user_name.clone().unwrap_or_default();
        let emails: Vec<String> = user.emails.iter().map(|e| e.value.clone()).collect();
        let given = user.name.as_ref().and_then(|n| n.given_name.clone());
        let family = user.name.as_ref().and_then(|n| n.family_name.clone());
        let display = user.display_name.clone();
        match user
            .profile_url
            .as_deref()
            .and_then(|u| u.strip_prefix("https://github.com/"))
        {
            Some(login) => {
                let account = self.account(login, display.as_deref(), h);
                let name_id = if h % 100 == 2 {
                    case_variant(&user_name)
                } else {
                    user_name
                };
                let saml = SamlIdentity {
                    name_id,
                    emails,
                    given_name: given,
                    family_name: family,
                    groups: Vec::new(),
                };
                self.identity(Some(saml), Some(user), Some(account), None);
                if h % 100 < 2 {
                    // Removed by hand: the identity stays linked (stale); a few keep a credential.
                    if (h >> 8).is_multiple_of(10) {
                        self.pat(account, h, None, &["repo"], Some("old laptop"));
                    }
                } else {
                    let role = if (h >> 16).is_multiple_of(100) {
                        Role::Admin
                    } else {
                        Role::Member
                    };
                    self.world.add_member(account, role);
                    self.credentials(account, h);
                }
            }
            None => {
                let age = 1 + (h >> 20) % 365;
                let invitation = self.scim_invitation(
                    emails.first().cloned(),
                    age,
                    InvitationSource::Scim,
                    None,
                );
                self.identity(None, Some(user), None, Some(invitation));
                if h % 100 < 15 {
                    // The same person already signed in with a NameID that is not the userName.
                    let local = user_name.split('@').next().unwrap_or_default();
                    let login = format!("{}-{}", local.replace('.', "-"), h % 97);
                    let account = self.account(&login, display.as_deref(), h);
                    self.world.add_member(account, Role::Member);
                    let name_id = match &user.external_id {
                        Some(object_id) if h.is_multiple_of(2) => object_id.clone(),
                        _ => format!("{local}@legacy.acme-corp.example"),
                    };
                    self.saml_only(account, &name_id, &emails, given, family);
                    self.credentials(account, h);
                }
            }
        }
    }
}

/// `zoe.muller5@acme-corp.example` → `Zoe.Muller5@Acme-Corp.example`: the same identity to a
/// person, a different string to GitHub.
fn case_variant(name: &str) -> String {
    let mut upper_next = true;
    name.chars()
        .map(|c| {
            let out = if upper_next {
                c.to_ascii_uppercase()
            } else {
                c
            };
            upper_next = matches!(c, '.' | '@' | '-');
            out
        })
        .collect()
}
