//! Maps drawn as inline SVG from GeoJSON: no tiles, no internet. Pure code, unit-tested
//! on the host; the components in `components/boundary_map.rs` only draw what it gives.

pub mod geojson;
pub mod projection;
