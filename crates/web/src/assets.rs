//! Static assets, embedded in the binary: the stylesheet, htmx (from the npm registry, pinned in
//! `package.json` and copied by `scripts/vendor-assets`), and the favicon. No CDN at run time.

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::error::AppError;

const STYLESHEET: &[u8] = include_bytes!("../assets/shutaf.css");
const HTMX: &[u8] = include_bytes!("../assets/vendor/htmx.min.js");
const APP_JS: &[u8] = include_bytes!("../assets/shutaf.js");
const FAVICON: &[u8] = include_bytes!("../assets/favicon.svg");

pub fn routes() -> Router<AppState> {
    Router::new().route("/static/{name}", get(asset))
}

async fn asset(Path(name): Path<String>) -> Result<Response, AppError> {
    let (body, content_type) = match name.as_str() {
        "shutaf.css" => (STYLESHEET, "text/css; charset=utf-8"),
        "htmx.min.js" => (HTMX, "text/javascript; charset=utf-8"),
        "shutaf.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "favicon.svg" => (FAVICON, "image/svg+xml"),
        _ => return Err(AppError::NotFound),
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Assets change only with a new binary; an hour keeps pages quick without stale deploys.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}
