//! The JSON API (placeholder while the pages are built; filled in below).
use axum::Router;
use crate::AppState;
pub fn routes() -> Router<AppState> { Router::new() }
