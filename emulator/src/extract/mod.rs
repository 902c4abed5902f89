//! Extractors whose rejections are GitHub's SCIM error bodies, in the manner of axum's
//! `customize-extractor-error` example: a handler sees typed values or never runs.
mod org;
mod scim_json;

pub use org::Org;
pub use scim_json::{ScimJson, MAX_BODY_BYTES};

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use scim::{ScimError, ScimType};
use serde::de::DeserializeOwned;

use crate::api_error::ApiError;

/// Query parameters as a typed struct; a value of the wrong type is a 400 `invalidValue` that
/// names the parameter.
#[derive(Debug)]
pub struct ScimQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ScimQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Query(value) =
            Query::from_request_parts(parts, state)
                .await
                .map_err(|e: QueryRejection| {
                    ScimError::bad_request(ScimType::InvalidValue, e.body_text())
                })?;
        Ok(Self(value))
    }
}

/// Path parameters as a typed struct (fields the struct does not name are ignored).
#[derive(Debug)]
pub struct ScimPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ScimPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(value) = Path::from_request_parts(parts, state)
            .await
            .map_err(|e: PathRejection| ScimError::new(e.status().as_u16(), None, e.body_text()))?;
        Ok(Self(value))
    }
}
