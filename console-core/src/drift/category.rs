//! The review's categories: what each one is, why it matters, and its table's columns.
use super::row::ColumnSpec;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CategoryId {
    MembersWithoutScim,
    MembersWithoutIdentity,
    UnlinkedScim,
    NameIdMismatch,
    StaleLinks,
    Credentials,
    OutsideCollaborators,
}

const fn col(id: &'static str, title: &'static str) -> ColumnSpec {
    ColumnSpec {
        id,
        title,
        in_table: true,
    }
}

/// A column shown in the row's details cell, not as a column of its own.
const fn detail(id: &'static str, title: &'static str) -> ColumnSpec {
    ColumnSpec {
        id,
        title,
        in_table: false,
    }
}

impl CategoryId {
    /// In the order the review shows them.
    pub const ALL: [CategoryId; 7] = [
        Self::MembersWithoutScim,
        Self::MembersWithoutIdentity,
        Self::UnlinkedScim,
        Self::NameIdMismatch,
        Self::StaleLinks,
        Self::Credentials,
        Self::OutsideCollaborators,
    ];

    /// Outside collaborators are shown apart: SAML does not apply to them (contract §1.7).
    pub fn is_drift(self) -> bool {
        self != Self::OutsideCollaborators
    }

    /// The name used in exports and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Self::MembersWithoutScim => "members-without-scim",
            Self::MembersWithoutIdentity => "members-without-identity",
            Self::UnlinkedScim => "scim-never-linked",
            Self::NameIdMismatch => "nameid-mismatch",
            Self::StaleLinks => "linked-non-members",
            Self::Credentials => "credentials",
            Self::OutsideCollaborators => "outside-collaborators",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::MembersWithoutScim => "Members without a SCIM identity",
            Self::MembersWithoutIdentity => "Members without any external identity",
            Self::UnlinkedScim => "SCIM identities never linked",
            Self::NameIdMismatch => "NameID ≠ SCIM userName",
            Self::StaleLinks => "Identities linked to a login that is no longer a member",
            Self::Credentials => "Credential authorizations to review",
            Self::OutsideCollaborators => "Outside collaborators",
        }
    }

    /// Why it matters, in a sentence, from GitHub's documentation (contract §4-§6).
    pub fn why(self) -> &'static str {
        match self {
            Self::MembersWithoutScim => "The IdP cannot deprovision them: removing them from the IdP leaves them in the organization, with their tokens and keys still authorized.",
            Self::MembersWithoutIdentity => "They never completed SAML single sign-on (a subset of the members without a SCIM identity).",
            Self::UnlinkedScim => "Provisioned but never claimed: the SCIM invitation does not expire and holds a seat until it is cancelled.",
            Self::NameIdMismatch => "When the SAML NameID differs from the SCIM userName, the SCIM data is never linked, so the IdP cannot deprovision the account.",
            Self::StaleLinks => "Left behind when a member is removed by hand; it gets in the way when the person re-joins.",
            Self::Credentials => "Authorized tokens and SSH keys keep working after a SAML session ends, for the people above and for logins that are not members.",
            Self::OutsideCollaborators => "SAML single sign-on does not apply to outside collaborators; they are not part of the drift.",
        }
    }

    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            Self::MembersWithoutScim => MEMBERS_WITHOUT_SCIM,
            Self::MembersWithoutIdentity => MEMBERS_WITHOUT_IDENTITY,
            Self::UnlinkedScim => UNLINKED_SCIM,
            Self::NameIdMismatch => NAME_ID_MISMATCH,
            Self::StaleLinks => STALE_LINKS,
            Self::Credentials => CREDENTIALS,
            Self::OutsideCollaborators => OUTSIDE_COLLABORATORS,
        }
    }
}

const LOGIN: ColumnSpec = col("login", "Login");
const NAME: ColumnSpec = col("name", "Name");
const ROLE: ColumnSpec = col("role", "Role");
const CREDENTIAL_COUNT: ColumnSpec = col("credentials", "Authorized credentials");
const NAME_ID: ColumnSpec = col("saml_name_id", "SAML NameID");
const USER_NAME: ColumnSpec = col("scim_user_name", "SCIM userName");
const SCIM_ID: ColumnSpec = col("scim_user_id", "scim_user_id");
const GUID: ColumnSpec = col("guid", "GUID");

const MEMBERS_WITHOUT_SCIM: &[ColumnSpec] = &[
    LOGIN,
    NAME,
    ROLE,
    col("identity", "External identity"),
    NAME_ID,
    CREDENTIAL_COUNT,
];
const MEMBERS_WITHOUT_IDENTITY: &[ColumnSpec] = &[LOGIN, NAME, ROLE, CREDENTIAL_COUNT];
const UNLINKED_SCIM: &[ColumnSpec] = &[
    USER_NAME,
    NAME,
    col("email", "Email"),
    col("invited_at", "Invited"),
    col("age_days", "Age (days)"),
    SCIM_ID,
    col("invitation_id", "Invitation"),
    col("likely_login", "Likely account"),
    GUID,
];
// The login first: it names the row (its links and confirmations), the kind does not.
const NAME_ID_MISMATCH: &[ColumnSpec] = &[
    LOGIN,
    col("kind", "Kind"),
    NAME_ID,
    USER_NAME,
    col("difference", "Difference"),
    col("evidence", "Evidence"),
    col("guids", "GUIDs"),
];
const STALE_LINKS: &[ColumnSpec] = &[LOGIN, NAME_ID, USER_NAME, SCIM_ID, GUID];
const CREDENTIALS: &[ColumnSpec] = &[
    LOGIN,
    col("type", "Type"),
    col("identifier", "Last eight / fingerprint"),
    detail("title", "Title or note"),
    detail("authorized_at", "Authorized"),
    col("accessed_at", "Last used"),
    detail("expires_at", "Expires"),
    col("scopes", "Scopes"),
    col("why", "Why listed"),
    detail("member", "Member"),
    col("console", "This console"),
];
const OUTSIDE_COLLABORATORS: &[ColumnSpec] = &[LOGIN, NAME, CREDENTIAL_COUNT];
