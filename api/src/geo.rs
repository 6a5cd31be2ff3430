//! GeoJSON checks for unit boundaries and planning zones: polygons only, closed
//! rings, coordinates that are longitude/latitude inside Vietnam, bounded size.
//! Pure: no I/O, every problem named for the person who drew the file.

use geojson::{Feature, GeoJson, GeometryValue, PolygonType};
use openapi::FieldError;
use serde_json::Value;

/// Larger than any ward's boundary drawn at survey precision.
pub const MAX_POSITIONS: usize = 50_000;

/// Longitudes and latitudes of Vietnam with a margin (its islands included).
const LONGITUDES: (f64, f64) = (102.0, 117.5);
const LATITUDES: (f64, f64) = (6.0, 23.5);

fn problem(field: &str, code: &str, message: String) -> FieldError {
    FieldError::new(field, code, &message)
}

fn parse(field: &str, value: &Value) -> Result<GeoJson, FieldError> {
    serde_json::from_value::<GeoJson>(value.clone()).map_err(|error| {
        problem(
            field,
            "invalid_geojson",
            format!("Không phải GeoJSON hợp lệ: {error}"),
        )
    })
}

/// The polygons of a Polygon or MultiPolygon geometry, each ring checked.
fn polygons(
    field: &str,
    geometry: Option<&geojson::Geometry>,
    positions: &mut usize,
) -> Result<Vec<PolygonType>, FieldError> {
    let polygons = match geometry.map(|g| &g.value) {
        Some(GeometryValue::Polygon { coordinates }) => vec![coordinates.clone()],
        Some(GeometryValue::MultiPolygon { coordinates }) => coordinates.clone(),
        Some(other) => {
            return Err(problem(
                field,
                "not_a_polygon",
                format!(
                    "Ranh giới phải là Polygon hoặc MultiPolygon, không phải {}",
                    other.type_name()
                ),
            ));
        }
        None => {
            return Err(problem(
                field,
                "no_geometry",
                "Thiếu hình học (geometry)".to_owned(),
            ));
        }
    };
    for (p, polygon) in polygons.iter().enumerate() {
        if polygon.is_empty() {
            return Err(problem(
                field,
                "empty_polygon",
                format!("Đa giác {} không có vòng nào", p + 1),
            ));
        }
        for (r, ring) in polygon.iter().enumerate() {
            let place = format!("vòng {} của đa giác {}", r + 1, p + 1);
            if ring.len() < 4 {
                return Err(problem(
                    field,
                    "ring_too_short",
                    format!("{place} cần ít nhất 4 điểm (điểm cuối trùng điểm đầu)"),
                ));
            }
            if ring.first() != ring.last() {
                return Err(problem(
                    field,
                    "ring_not_closed",
                    format!("{place} không khép kín: điểm cuối phải trùng điểm đầu"),
                ));
            }
            for position in ring {
                let (longitude, latitude) = match position.as_slice() {
                    [longitude, latitude, ..] => (*longitude, *latitude),
                    _ => {
                        return Err(problem(
                            field,
                            "bad_position",
                            format!("{place}: mỗi điểm cần kinh độ và vĩ độ"),
                        ));
                    }
                };
                if !(LONGITUDES.0..=LONGITUDES.1).contains(&longitude)
                    || !(LATITUDES.0..=LATITUDES.1).contains(&latitude)
                {
                    return Err(problem(
                        field,
                        "outside_vietnam",
                        format!(
                            "{place}: điểm [{longitude}, {latitude}] nằm ngoài Việt Nam (thứ tự phải là [kinh độ, vĩ độ])"
                        ),
                    ));
                }
            }
            *positions += ring.len();
            if *positions > MAX_POSITIONS {
                return Err(problem(
                    field,
                    "too_large",
                    format!("Tối đa {MAX_POSITIONS} điểm; hãy đơn giản hóa ranh giới"),
                ));
            }
        }
    }
    Ok(polygons)
}

/// A unit's boundary: a Polygon or MultiPolygon, bare or in a Feature (or a
/// FeatureCollection of exactly one). Answers the geometry as GeoJSON.
pub fn boundary(field: &str, value: &Value) -> Result<Value, FieldError> {
    let geometry = match parse(field, value)? {
        GeoJson::Geometry(geometry) => geometry,
        GeoJson::Feature(Feature {
            geometry: Some(geometry),
            ..
        }) => geometry,
        GeoJson::Feature(_) => {
            return Err(problem(
                field,
                "no_geometry",
                "Thiếu hình học (geometry)".to_owned(),
            ));
        }
        GeoJson::FeatureCollection(collection) => {
            match <[Feature; 1]>::try_from(collection.features) {
                Ok(
                    [
                        Feature {
                            geometry: Some(geometry),
                            ..
                        },
                    ],
                ) => geometry,
                _ => {
                    return Err(problem(
                        field,
                        "one_feature",
                        "Ranh giới của một đơn vị là đúng một đối tượng (feature)".to_owned(),
                    ));
                }
            }
        }
    };
    polygons(field, Some(&geometry), &mut 0)?;
    serde_json::to_value(&geometry)
        .map_err(|error| problem(field, "invalid_geojson", error.to_string()))
}

/// Planning zones: a FeatureCollection of polygons, each named.
pub fn zones(field: &str, value: &Value) -> Result<(), FieldError> {
    let GeoJson::FeatureCollection(collection) = parse(field, value)? else {
        return Err(problem(
            field,
            "not_a_collection",
            "Các khu quy hoạch phải là một FeatureCollection".to_owned(),
        ));
    };
    let mut positions = 0;
    for (i, feature) in collection.features.iter().enumerate() {
        let at = format!("{field}.features[{i}]");
        polygons(&at, feature.geometry.as_ref(), &mut positions)?;
        let named = feature
            .properties
            .as_ref()
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .is_some_and(|name| !name.trim().is_empty());
        if !named {
            return Err(problem(
                &at,
                "unnamed_zone",
                "Mỗi khu cần thuộc tính name (tên khu)".to_owned(),
            ));
        }
    }
    Ok(())
}

/// A point as `[longitude, latitude]` inside Vietnam.
pub fn point(field: &str, point: [f64; 2]) -> Result<(), FieldError> {
    let [longitude, latitude] = point;
    if (LONGITUDES.0..=LONGITUDES.1).contains(&longitude)
        && (LATITUDES.0..=LATITUDES.1).contains(&latitude)
    {
        Ok(())
    } else {
        Err(problem(
            field,
            "outside_vietnam",
            format!(
                "Điểm [{longitude}, {latitude}] nằm ngoài Việt Nam (thứ tự phải là [kinh độ, vĩ độ])"
            ),
        ))
    }
}

/// Whether `point` (`[longitude, latitude]`) lies inside the stored boundary
/// geometry (a Polygon or MultiPolygon as [`boundary`] accepted it): inside an outer
/// ring and outside its holes.
pub fn contains(geometry: &Value, point: [f64; 2]) -> bool {
    let Ok(geometry) = serde_json::from_value::<geojson::Geometry>(geometry.clone()) else {
        return false;
    };
    let polygons = match geometry.value {
        GeometryValue::Polygon { coordinates } => vec![coordinates],
        GeometryValue::MultiPolygon { coordinates } => coordinates,
        _ => return false,
    };
    polygons.iter().any(|rings| {
        let mut rings = rings.iter();
        let inside_outer = rings
            .next()
            .is_some_and(|outer| ring_contains(outer, point));
        inside_outer && !rings.any(|hole| ring_contains(hole, point))
    })
}

/// Ray casting: a ray from the point crosses the ring's edges an odd number of times.
fn ring_contains(ring: &[geojson::Position], [x, y]: [f64; 2]) -> bool {
    let corners: Vec<(f64, f64)> = ring
        .iter()
        .filter_map(|p| match p.as_slice() {
            [px, py, ..] => Some((*px, *py)),
            _ => None,
        })
        .collect();
    let mut inside = false;
    for pair in corners.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn square(close: bool) -> Value {
        let mut ring = vec![
            [106.66, 10.77],
            [106.67, 10.77],
            [106.67, 10.78],
            [106.66, 10.78],
        ];
        if close {
            ring.push([106.66, 10.77]);
        }
        json!({"type": "Polygon", "coordinates": [ring]})
    }

    #[test]
    fn a_closed_polygon_in_vietnam_is_a_boundary() {
        assert!(boundary("boundary", &square(true)).is_ok());
        let feature = json!({"type": "Feature", "properties": {}, "geometry": square(true)});
        assert!(boundary("boundary", &feature).is_ok());
    }

    #[test]
    fn an_open_ring_is_named() {
        let error = boundary("boundary", &square(false)).unwrap_err();
        assert_eq!(error.code, "ring_not_closed");
        assert!(
            error.message.contains("vòng 1 của đa giác 1"),
            "{}",
            error.message
        );
    }

    #[test]
    fn swapped_coordinates_are_caught() {
        let swapped = json!({"type": "Polygon", "coordinates": [[[10.77, 106.66], [10.77, 106.67], [10.78, 106.67], [10.77, 106.66]]]});
        assert_eq!(
            boundary("boundary", &swapped).unwrap_err().code,
            "outside_vietnam"
        );
    }

    #[test]
    fn a_line_is_not_a_boundary() {
        let line = json!({"type": "LineString", "coordinates": [[106.66, 10.77], [106.67, 10.77]]});
        assert_eq!(
            boundary("boundary", &line).unwrap_err().code,
            "not_a_polygon"
        );
        assert_eq!(
            boundary("boundary", &json!({"type": "Circle"}))
                .unwrap_err()
                .code,
            "invalid_geojson"
        );
    }

    #[test]
    fn a_point_is_inside_its_ward_and_not_next_door() {
        assert!(contains(&square(true), [106.665, 10.775]));
        assert!(!contains(&square(true), [106.675, 10.775]));
    }

    #[test]
    fn zones_need_names() {
        let zone = |name: Value| {
            json!({"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": name}, "geometry": square(true)}
            ]})
        };
        assert!(zones("zones", &zone(json!("Khu ở hiện hữu"))).is_ok());
        assert_eq!(
            zones("zones", &zone(json!(""))).unwrap_err().code,
            "unnamed_zone"
        );
    }
}
