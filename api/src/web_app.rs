//! Serves the built web app: a file of `web/dist` when the path names one, else
//! `index.html` so the app's own router handles the path. Unknown `/api/` paths stay
//! 404 problems.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::ApiError;
use crate::state::AppState;

pub async fn serve(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if path == "/api" || path.starts_with("/api/") {
        return Err(ApiError::NotFound);
    }
    let dist = &state.config.web_dist;
    let file = asset_path(dist, path)
        .filter(|candidate| candidate.is_file())
        .unwrap_or_else(|| dist.join("index.html"));
    let named = NamedFile::open(&file).map_err(|error| {
        tracing::error!(%error, file = %file.display(), "web app not built (run `make web`)");
        ApiError::Unavailable
    })?;
    let mut response = named
        .use_etag(true)
        .use_last_modified(true)
        .into_response(&req);
    // Asset names carry no content hash, so browsers must revalidate each time.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(response)
}

/// The file a URL path names inside `dist`, refusing anything that could leave it.
fn asset_path(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let mut path = dist.to_path_buf();
    for segment in url_path.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains('\\') {
            return None;
        }
        path.push(segment);
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_dist() {
        assert_eq!(asset_path(Path::new("dist"), "/../secret"), None);
        assert_eq!(asset_path(Path::new("dist"), "/.env"), None);
        assert_eq!(
            asset_path(Path::new("dist"), "/pkg/web.js"),
            Some(PathBuf::from("dist/pkg/web.js"))
        );
    }
}
