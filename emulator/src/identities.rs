//! What each write does to the identities: GitHub's rules for creating (a pending identity with
//! a new id), replacing (PUT semantics, `active: false` deletes), patching (applied by `scim`,
//! then stored like a PUT) and deleting, with `userName`/`externalId` kept unique.
use scim::patch::PatchRequest;
use scim::provision::UserRequest;
use scim::{Meta, ScimError, ScimUser};

use crate::api_error::ApiError;
use crate::ids;
use crate::store::Store;

/// POST: a new identity, pending until the invited person links an account (no `profileUrl`).
pub fn create(store: &mut Store, request: UserRequest) -> Result<ScimUser, ApiError> {
    let now = ids::now_rfc3339();
    let mut user = ScimUser {
        schemas: vec![scim::USER_SCHEMA.to_owned()],
        id: ids::fresh_uuid(),
        external_id: None,
        user_name: None,
        profile_url: None,
        display_name: None,
        name: None,
        emails: Vec::new(),
        active: true,
        meta: Meta {
            resource_type: Some("User".into()),
            created: Some(now.clone()),
            last_modified: Some(now),
            location: None,
        },
        groups: Vec::new(),
    };
    request.replace_in(&mut user);
    check_unique(store, &user)?;
    store.insert(user.clone());
    // Issue 12 hook: provisioning creates an unlinked identity and a SCIM invitation.
    store.org.scim_provisioned(&user, crate::org::now());
    Ok(user)
}

/// PUT: everything the request lacks is removed; id, creation time and linkage stay.
/// `active: false` is not a suspension on GitHub: the identity is deleted.
pub fn replace(store: &mut Store, id: &str, request: UserRequest) -> Result<ScimUser, ApiError> {
    let mut user = store.get(id).cloned().ok_or_else(ApiError::not_found)?;
    let old_name = user.user_name.clone();
    request.replace_in(&mut user);
    user.meta.last_modified = Some(ids::now_rfc3339());
    if !user.active {
        store.remove(id);
        // Issue 12 hook: `active: false` deprovisions, like DELETE.
        store.org.scim_deprovisioned(id, old_name.as_deref());
        return Ok(user);
    }
    check_unique(store, &user)?;
    store.insert(user.clone());
    // Issue 12 hook: keep the external identities' userName index true.
    store
        .org
        .scim_renamed(id, old_name.as_deref(), user.user_name.as_deref());
    Ok(user)
}

/// PATCH: all operations or none.
pub fn patch(store: &mut Store, id: &str, patch: &PatchRequest) -> Result<ScimUser, ApiError> {
    let current = store.get(id).ok_or_else(ApiError::not_found)?;
    let request = patch.apply(current)?;
    replace(store, id, request)
}

pub fn delete(store: &mut Store, id: &str) -> Result<(), ApiError> {
    let user = store.remove(id).ok_or_else(ApiError::not_found)?;
    // Issue 12 hook: deprovisioning removes the identity, membership and credentials.
    store.org.scim_deprovisioned(id, user.user_name.as_deref());
    Ok(())
}

fn check_unique(store: &Store, user: &ScimUser) -> Result<(), ApiError> {
    let user_name = user.user_name.as_deref().unwrap_or_default();
    match store.conflict(user_name, user.external_id.as_deref(), Some(&user.id)) {
        Some(detail) => Err(ScimError::conflict(detail).into()),
        None => Ok(()),
    }
}
