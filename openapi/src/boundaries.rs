//! Unit boundaries, as GeoJSON, for the maps of ward sites and the district portal.

use serde::{Deserialize, Serialize};

/// `PUT /api/v1/units/{unit}/boundary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BoundaryUpload {
    /// A GeoJSON Polygon or MultiPolygon (bare, or in a Feature), longitude first,
    /// rings closed, at most 50,000 points.
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub boundary: serde_json::Value,
    /// Where the unit's office is, as `[longitude, latitude]`.
    #[serde(default)]
    pub office: Option<[f64; 2]>,
    /// `true` when the boundary is approximate (drawn, not surveyed); the map says so.
    #[serde(default)]
    pub illustrative: bool,
}
