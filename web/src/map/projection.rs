//! Longitude/latitude → SVG coordinates: an equirectangular projection (longitude
//! scaled by the cosine of the middle latitude, so a ward keeps its shape) fitted into
//! a view box of fixed width.

/// A point as GeoJSON writes it: `[longitude, latitude]`.
pub type LonLat = [f64; 2];

/// The smallest box holding every point, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// `None` without a single finite point.
    pub fn of<'a>(points: impl IntoIterator<Item = &'a LonLat>) -> Option<Bounds> {
        points
            .into_iter()
            .filter(|[lon, lat]| lon.is_finite() && lat.is_finite())
            .fold(None, |bounds, &[lon, lat]| {
                Some(match bounds {
                    None => Bounds {
                        west: lon,
                        south: lat,
                        east: lon,
                        north: lat,
                    },
                    Some(b) => Bounds {
                        west: b.west.min(lon),
                        south: b.south.min(lat),
                        east: b.east.max(lon),
                        north: b.north.max(lat),
                    },
                })
            })
    }
}

/// How degrees become view-box units, and the size of that view box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// cos(middle latitude): a degree of longitude is that much shorter than one of
    /// latitude.
    x_factor: f64,
    scale: f64,
    /// View-box units added after scaling, so the drawing sits centred.
    offset_x: f64,
    offset_y: f64,
    pub width: f64,
    pub height: f64,
}

/// The narrowest and the tallest a map may be, as a share of its width.
const MIN_ASPECT: f64 = 0.5;
const MAX_ASPECT: f64 = 1.4;

impl Projection {
    /// Fits `bounds` into a view box `width` wide with `padding` on every side; the
    /// height follows the shape (within sensible limits) and the drawing is centred.
    pub fn fit(bounds: Bounds, width: f64, padding: f64) -> Projection {
        let middle = (bounds.south + bounds.north) / 2.0;
        let x_factor = middle.to_radians().cos().abs().max(0.01);
        let span_x = (bounds.east - bounds.west) * x_factor;
        let span_y = bounds.north - bounds.south;
        let inner_width = (width - 2.0 * padding).max(1.0);
        let aspect = if span_x > 0.0 {
            (span_y / span_x).clamp(MIN_ASPECT, MAX_ASPECT)
        } else {
            1.0
        };
        let inner_height = inner_width * aspect;
        let height = inner_height + 2.0 * padding;
        // A single point (or a line) has no extent: any scale draws it in the middle.
        let scale_x = if span_x > 0.0 {
            inner_width / span_x
        } else {
            f64::INFINITY
        };
        let scale_y = if span_y > 0.0 {
            inner_height / span_y
        } else {
            f64::INFINITY
        };
        let scale = match scale_x.min(scale_y) {
            scale if scale.is_finite() => scale,
            _ => 1.0,
        };
        Projection {
            x_factor,
            scale,
            offset_x: padding + (inner_width - span_x * scale) / 2.0
                - bounds.west * x_factor * scale,
            offset_y: padding + (inner_height - span_y * scale) / 2.0 + bounds.north * scale,
            width,
            height,
        }
    }

    /// The view-box point of `[longitude, latitude]`; north is up.
    pub fn project(&self, [lon, lat]: LonLat) -> (f64, f64) {
        (
            self.offset_x + lon * self.x_factor * self.scale,
            self.offset_y - lat * self.scale,
        )
    }

    /// `viewBox` of the SVG element.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", round(self.width), round(self.height))
    }

    /// The `d` of a `<path>` drawing every ring (outer and holes: draw it with
    /// `fill-rule="evenodd"`), each closed.
    pub fn path(&self, rings: &[Vec<LonLat>]) -> String {
        let mut d = String::new();
        for ring in rings.iter().filter(|ring| ring.len() >= 3) {
            for (index, point) in ring.iter().enumerate() {
                let (x, y) = self.project(*point);
                if !d.is_empty() {
                    d.push(' ');
                }
                d.push(if index == 0 { 'M' } else { 'L' });
                d.push_str(&format!("{},{}", round(x), round(y)));
            }
            d.push_str(" Z");
        }
        d
    }
}

/// One decimal is finer than a pixel of any map we draw and keeps the markup short.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Where to put a polygon's label: the centre of its outer ring's bounding box, which
/// is inside every convex shape (and the ward grids of the demo).
pub fn label_point(outer: &[LonLat]) -> Option<LonLat> {
    let bounds = Bounds::of(outer)?;
    Some([
        (bounds.west + bounds.east) / 2.0,
        (bounds.south + bounds.north) / 2.0,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Vec<LonLat> {
        vec![
            [106.660, 10.770],
            [106.670, 10.770],
            [106.670, 10.780],
            [106.660, 10.780],
            [106.660, 10.770],
        ]
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
    }

    #[test]
    fn bounds_hold_every_finite_point() {
        let bounds = Bounds::of(&[[1.0, 2.0], [f64::NAN, 9.0], [-3.0, 5.0]]).unwrap();
        assert_eq!(
            bounds,
            Bounds {
                west: -3.0,
                south: 2.0,
                east: 1.0,
                north: 5.0
            }
        );
        assert_eq!(Bounds::of(&[]), None);
    }

    #[test]
    fn a_square_in_degrees_is_narrower_than_tall_near_the_equator_by_the_cosine() {
        let ring = square();
        let projection = Projection::fit(Bounds::of(&ring).unwrap(), 400.0, 20.0);
        // 0.01° of longitude at 10.775° N is cos(10.775°) ≈ 0.982 of 0.01° of latitude.
        let aspect = 1.0 / 10.775_f64.to_radians().cos();
        assert!((projection.height - (20.0 + 360.0 * aspect + 20.0)).abs() < 1e-6);
        // North-west corner at the top left, inside the padding; south-east bottom right.
        assert!(close(projection.project([106.660, 10.780]), (20.0, 20.0)));
        let (x, y) = projection.project([106.670, 10.770]);
        assert!((x - 380.0).abs() < 1e-6);
        assert!((y - (projection.height - 20.0)).abs() < 1e-6);
    }

    #[test]
    fn a_wide_area_is_centred_vertically_in_the_shortest_allowed_box() {
        let ring = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let projection = Projection::fit(Bounds::of(&ring).unwrap(), 100.0, 0.0);
        assert_eq!(projection.height, 50.0);
        let (_, top) = projection.project([0.0, 1.0]);
        let (_, bottom) = projection.project([0.0, 0.0]);
        assert!(
            (top + bottom - 50.0).abs() < 1e-6,
            "centred: {top}, {bottom}"
        );
    }

    #[test]
    fn a_single_point_lands_in_the_middle() {
        let bounds = Bounds::of(&[[106.0, 10.0]]).unwrap();
        let projection = Projection::fit(bounds, 100.0, 10.0);
        assert!(close(projection.project([106.0, 10.0]), (50.0, 50.0)));
    }

    #[test]
    fn a_path_closes_each_ring_and_skips_degenerate_ones() {
        let ring = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]];
        let projection = Projection::fit(Bounds::of(&ring).unwrap(), 10.0, 0.0);
        let d = projection.path(&[ring, vec![[0.0, 0.0], [1.0, 1.0]]]);
        assert_eq!(d, "M0,10 L10,10 L10,0 L0,10 Z");
        assert_eq!(projection.view_box(), "0 0 10 10");
    }

    #[test]
    fn a_label_sits_in_the_middle_of_its_ring() {
        assert_eq!(
            label_point(&[[0.0, 0.0], [2.0, 0.0], [2.0, 4.0], [0.0, 0.0]]),
            Some([1.0, 2.0])
        );
    }
}
