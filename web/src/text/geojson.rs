//! GeoJSON files as the console reads them before sending: a planning item's zones
//! and a unit's boundary. Only what people should see at once is checked here (that
//! the file is JSON with a GeoJSON `type`); the geometry itself is the server's to
//! judge, and its answer names the problem.

use serde_json::Value;

/// What the zones list shows for a feature without a name (the server refuses it).
pub const UNNAMED: &str = "(chưa có tên)";

/// The text of a chosen file as JSON with a GeoJSON `type`, or why it is not.
pub fn read_geojson(text: &str) -> Result<Value, String> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|error| format!("Tệp không phải JSON hợp lệ (dòng {}).", error.line()))?;
    if value.get("type").and_then(Value::as_str).is_none() {
        return Err("Tệp JSON này không phải GeoJSON: thiếu thuộc tính \"type\".".to_owned());
    }
    Ok(value)
}

/// The names of the zones of a FeatureCollection, in file order.
pub fn zone_names(zones: &Value) -> Vec<String> {
    zones
        .get("features")
        .and_then(Value::as_array)
        .map(|features| {
            features
                .iter()
                .map(|feature| {
                    feature
                        .pointer("/properties/name")
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .filter(|name| !name.is_empty())
                        .unwrap_or(UNNAMED)
                        .to_owned()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// "3 khu quy hoạch", said of the zones' count.
pub fn zone_count(count: usize) -> String {
    match count {
        0 => "Tệp không có khu quy hoạch nào".to_owned(),
        count => format!("{count} khu quy hoạch"),
    }
}

/// How many positions the geometry (or feature) has, every ring counted.
pub fn point_count(value: &Value) -> usize {
    fn count(value: &Value) -> usize {
        match value.as_array() {
            Some(items) if items.first().is_some_and(Value::is_number) => 1,
            Some(items) => items.iter().map(count).sum(),
            None => 0,
        }
    }
    let geometry = value.get("geometry").unwrap_or(value);
    geometry.get("coordinates").map_or(0, count)
}

/// A unit's stored boundary, as `GET /units/{unit}/boundary` answers it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredBoundary {
    /// The geometry, sent again when only the office point or the mark changes.
    pub geometry: Value,
    pub points: usize,
    pub illustrative: bool,
    pub office: Option<[f64; 2]>,
}

impl StoredBoundary {
    pub fn of(feature: &Value) -> Option<StoredBoundary> {
        let geometry = feature.get("geometry").filter(|g| g.is_object())?.clone();
        let office = feature
            .pointer("/properties/office")
            .and_then(Value::as_array)
            .and_then(|pair| match pair.as_slice() {
                [longitude, latitude] => Some([longitude.as_f64()?, latitude.as_f64()?]),
                _ => None,
            });
        Some(StoredBoundary {
            points: point_count(&geometry),
            geometry,
            illustrative: feature
                .pointer("/properties/illustrative")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            office,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn square() -> Value {
        json!({"type": "Polygon", "coordinates": [[[106.66, 10.77], [106.67, 10.77], [106.67, 10.78], [106.66, 10.77]]]})
    }

    #[test]
    fn a_file_must_be_json_with_a_geojson_type() {
        assert!(read_geojson("{\"type\": \"Polygon\"}").is_ok());
        assert!(read_geojson("\u{feff}{\"type\": \"Polygon\"}").is_ok());
        assert!(read_geojson("{").unwrap_err().contains("JSON"));
        assert!(read_geojson("[1, 2]").unwrap_err().contains("type"));
    }

    #[test]
    fn zones_are_listed_by_name_and_unnamed_ones_said_so() {
        let zones = json!({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Khu ở hiện hữu"}, "geometry": square()},
            {"type": "Feature", "properties": {}, "geometry": square()},
        ]});
        assert_eq!(zone_names(&zones), ["Khu ở hiện hữu", UNNAMED]);
        assert_eq!(zone_count(2), "2 khu quy hoạch");
        assert!(zone_names(&square()).is_empty());
    }

    #[test]
    fn a_stored_boundary_gives_its_points_mark_and_office() {
        let feature = json!({"type": "Feature", "geometry": square(), "properties": {"illustrative": true, "office": [106.665, 10.775]}});
        let stored = StoredBoundary::of(&feature).unwrap();
        assert_eq!(stored.points, 4);
        assert!(stored.illustrative);
        assert_eq!(stored.office, Some([106.665, 10.775]));
        let multi = json!({"type": "MultiPolygon", "coordinates": [square()["coordinates"], square()["coordinates"]]});
        assert_eq!(point_count(&multi), 8);
    }
}
