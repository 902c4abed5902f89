//! The people the SCIM identities do not imply: members invited by hand (no identity), members
//! with a SAML identity only, outside collaborators, and invitations sent by hand.
use scim::ScimUser;

use super::Builder;
use crate::ids::mix;
use crate::org::model::{InvitationSource, Role};

impl Builder {
    /// People the SCIM identities do not imply.
    pub(super) fn extras(&mut self, n: u64) {
        let person = |kind: u64, j: u64| crate::seed::user(10_000_000 * kind + j);
        let login_of = |u: &ScimUser| {
            let name = u.user_name.clone().unwrap_or_default();
            name.split('@').next().unwrap_or_default().replace('.', "-")
        };
        for j in 0..n * 4 / 100 + 1 {
            let p = person(1, j);
            let account = self.account(&login_of(&p), p.display_name.as_deref(), j);
            self.world.add_member(account, Role::Member);
            self.credentials(account, mix(j ^ 0x11));
        }
        for j in 0..n * 2 / 100 + 1 {
            let p = person(2, j);
            let account = self.account(&login_of(&p), p.display_name.as_deref(), j);
            self.world.add_member(account, Role::Member);
            let emails: Vec<String> = p.emails.iter().map(|e| e.value.clone()).collect();
            let given = p.name.as_ref().and_then(|x| x.given_name.clone());
            let family = p.name.as_ref().and_then(|x| x.family_name.clone());
            self.saml_only(account, &emails[0].clone(), &emails, given, family);
            self.credentials(account, mix(j ^ 0x22));
        }
        for j in 0..n / 100 + 1 {
            let p = person(3, j);
            let account = self.account(
                &format!("{}-ext", login_of(&p)),
                p.display_name.as_deref(),
                j,
            );
            self.world.add_collaborator(account);
        }
        for j in 0..n / 200 + 1 {
            let p = person(4, j);
            let age = mix(j) % 7;
            if j % 2 == 0 {
                let account = self.account(&login_of(&p), p.display_name.as_deref(), j);
                self.scim_invitation(None, age, InvitationSource::Member, Some(account));
            } else {
                let email = p.emails.first().map(|e| e.value.clone());
                self.scim_invitation(email, age, InvitationSource::Member, None);
            }
        }
    }
}
