//! What the confirmation dialogs say, and why an action is not offered. One place, so the
//! wording stays consistent; each names its source in `contracts/github-org-drift.md`.

/// §6.1: "changes should come from the IdP".
pub const IDP_SHOULD_OWN: &str = "Membership should be managed in the IdP. Removing by hand does not tell the IdP: if the person is still assigned there, unassign them too; if they should keep access, assign them in the IdP instead.";
/// §1.3, §4: removal takes them out of every team and ends their credential authorizations.
pub const REMOVAL_ENDS: &str = "They lose access to the organization's repositories and teams, and their authorized tokens and SSH keys stop working for the organization.";
/// §6.1: "a stale linked identity will remain".
pub const LEAVES_STALE_IDENTITY: &str = "Their linked SCIM identity stays behind, stale, and gets in the way if they re-join: deprovision them through the IdP instead.";
/// §1.3: GitHub refuses to remove an organization's last owner.
pub const LAST_OWNER: &str = "The organization's only owner: GitHub refuses to remove the last owner. Make someone else an owner first.";
pub const REMOVING_AN_OWNER: &str = "This is an owner of the organization. Removing them takes away their administration of it, SAML and SCIM settings included.";
pub const REMOVING_YOURSELF: &str = "This is the account the console is using. Removing it ends the console's access to the organization.";
/// §1.9 (Okta's note): cancelling keeps the SCIM identity; a new SCIM invitation needs it gone.
pub const CANCEL_THEN_DELETE: &str = "Two steps, in order: cancel the pending invitation, then delete its SCIM identity (GitHub keeps the identity when only the invitation is cancelled). If the first step fails, the second is not sent.";
pub const CANCEL_KEEPS_IDENTITY: &str = "Only the invitation is cancelled: the SCIM identity is not in the SCIM list loaded, so it stays until it is deleted through SCIM or the IdP.";
pub const IDP_WILL_REPROVISION: &str =
    "If the IdP still assigns this person, it will provision them again: unassign them in the IdP.";
/// NOTES "Writing": DELETE removes the identity and its `scim_user_id`.
pub const UNLINKED_IDENTITY_DELETE: &str = "Deletes the SCIM identity and its pending invitation. No account is linked to it, so no one loses access.";
/// §6.1, §1.10: the stale identity left by a removal by hand.
pub const STALE_IDENTITY_DELETE: &str = "Deletes the stale SCIM identity left when this person was removed by hand. They are not a member, so no one loses access.";
pub const SCIM_ID_UNKNOWN: &str = "This identity is not in the SCIM list loaded (matched by userName, then email), so its scim_user_id is unknown. Reload the SCIM identities and review again.";
/// §2.3, §4: no API revokes a linked identity; GitHub documents its SSO page for members.
pub const NO_API_FOR_FORMER_MEMBER: &str = "No API revokes a linked SAML identity, and GitHub's SAML page is documented for members only. Remove the person from the IdP's GitHub application.";
/// §1.6: the credential types reference and the API description disagree; warn of both.
pub const REVOKE_IS_FINAL: &str = "GitHub's credential types reference says the same token or SSH key cannot be authorized again: the person must create a new one. (The API description says they must authorize it again.)";
/// §4: revoking removes the SAML authorization only.
pub const REVOKE_KEEPS_CREDENTIAL: &str =
    "The token or key itself is not deleted; it only stops working for this organization.";
pub const REVOKING_OWN_TOKEN: &str = "This is the token this console is using. Revoking it ends the console's access to the organization until you connect with another token.";
pub const REVOKING_PROXY_ACCOUNT: &str = "This token belongs to the account the console's proxy acts as. If it is the proxy's own credential, the console loses access to the organization.";
pub const PROXY_CANNOT_TELL: &str = "Through a proxy the console cannot see the credential it uses, so it cannot tell whether this is that credential.";
/// §1.5: owners can revoke the SSO authorization of classic PATs and SSH keys only.
pub const NOT_REVOCABLE: &str = "GitHub's credential types reference says owners cannot revoke the SSO authorization of this kind of credential.";
pub const UNUSABLE_NAME: &str =
    "This name cannot be used in a GitHub URL (it is empty, \".\" or \"..\").";

/// How grave a second confirmation is, for a dialog over several rows that can ask only one:
/// ending the console's own access first, then the proxy's account, then an owner's removal.
pub fn gravity(second: &str) -> u8 {
    match second {
        REMOVING_YOURSELF | REVOKING_OWN_TOKEN => 3,
        REVOKING_PROXY_ACCOUNT => 2,
        REMOVING_AN_OWNER => 1,
        _ => 0,
    }
}
