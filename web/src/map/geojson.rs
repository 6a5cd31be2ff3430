//! The few GeoJSON shapes the API answers, read into plain structs: a ward's Feature,
//! the district's FeatureCollection of wards, and a planning document's zones.
//! Anything unexpected is skipped rather than failing the whole map.

use serde_json::Value;

use super::projection::LonLat;

/// Rings of one polygon: the outer ring first, then its holes.
pub type Polygon = Vec<Vec<LonLat>>;

/// One drawn area: a ward, or a planning zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// The unit's slug (wards); empty for zones.
    pub slug: String,
    pub name: String,
    /// A zone's `land_use`; empty for wards.
    pub land_use: String,
    pub illustrative: bool,
    pub office: Option<LonLat>,
    pub polygons: Vec<Polygon>,
}

impl Area {
    pub fn points(&self) -> impl Iterator<Item = &LonLat> {
        self.polygons.iter().flatten().flatten().chain(&self.office)
    }
}

/// The areas of a Feature or a FeatureCollection, in their order; a bare geometry
/// is one unnamed area.
pub fn areas(value: &Value) -> Vec<Area> {
    match value["type"].as_str() {
        Some("FeatureCollection") => value["features"]
            .as_array()
            .map(|features| features.iter().filter_map(feature).collect())
            .unwrap_or_default(),
        Some("Feature") => feature(value).into_iter().collect(),
        Some(_) => {
            let polygons = polygons(value);
            if polygons.is_empty() {
                Vec::new()
            } else {
                vec![Area {
                    slug: String::new(),
                    name: String::new(),
                    land_use: String::new(),
                    illustrative: false,
                    office: None,
                    polygons,
                }]
            }
        }
        None => Vec::new(),
    }
}

fn feature(value: &Value) -> Option<Area> {
    let properties = &value["properties"];
    let text = |name: &str| properties[name].as_str().unwrap_or_default().to_owned();
    let polygons = polygons(&value["geometry"]);
    if polygons.is_empty() {
        return None;
    }
    Some(Area {
        slug: text("slug"),
        name: text("name"),
        land_use: text("land_use"),
        illustrative: properties["illustrative"].as_bool().unwrap_or(false),
        office: point(&properties["office"]),
        polygons,
    })
}

/// The polygons of a Polygon or MultiPolygon geometry; nothing for any other.
fn polygons(geometry: &Value) -> Vec<Polygon> {
    let coordinates = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("Polygon") => polygon(coordinates).into_iter().collect(),
        Some("MultiPolygon") => coordinates
            .as_array()
            .map(|list| list.iter().filter_map(polygon).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn polygon(value: &Value) -> Option<Polygon> {
    let rings: Polygon = value
        .as_array()?
        .iter()
        .filter_map(|ring| ring.as_array())
        .map(|ring| ring.iter().filter_map(point).collect::<Vec<_>>())
        .filter(|ring| ring.len() >= 3)
        .collect();
    (!rings.is_empty()).then_some(rings)
}

fn point(value: &Value) -> Option<LonLat> {
    let pair = value.as_array()?;
    match (pair.first()?.as_f64(), pair.get(1)?.as_f64()) {
        (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => Some([lon, lat]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn square() -> Value {
        json!({"type": "Polygon", "coordinates": [[[106.66, 10.77], [106.67, 10.77], [106.67, 10.78], [106.66, 10.78], [106.66, 10.77]]]})
    }

    #[test]
    fn a_wards_feature_gives_its_name_office_and_illustrative_flag() {
        let feature = json!({"type": "Feature", "geometry": square(), "properties": {"slug": "phuong-1", "name": "Phường 1", "illustrative": true, "office": [106.665, 10.775]}});
        let areas = areas(&feature);
        assert_eq!(areas.len(), 1);
        assert_eq!(areas[0].name, "Phường 1");
        assert!(areas[0].illustrative);
        assert_eq!(areas[0].office, Some([106.665, 10.775]));
        assert_eq!(areas[0].polygons[0][0].len(), 5);
        assert_eq!(areas[0].points().count(), 6);
    }

    #[test]
    fn a_collection_keeps_every_polygon_feature_in_order_and_skips_the_rest() {
        let collection = json!({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": square(), "properties": {"name": "Khu ở", "land_use": "residential", "office": null}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}},
            {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [square()["coordinates"], square()["coordinates"]]}, "properties": {"name": "Công viên"}}
        ]});
        let areas = areas(&collection);
        let names: Vec<&str> = areas.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Khu ở", "Công viên"]);
        assert_eq!(areas[0].land_use, "residential");
        assert_eq!(areas[0].office, None);
        assert_eq!(areas[1].polygons.len(), 2);
    }

    #[test]
    fn nonsense_is_no_area_rather_than_an_error() {
        assert!(areas(&json!({"type": "Polygon", "coordinates": [[["a", 1]]]})).is_empty());
        assert!(areas(&json!("text")).is_empty());
        assert_eq!(areas(&square()).len(), 1);
    }
}
