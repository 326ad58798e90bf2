//! The province map drawn to pixels: which province each pixel shows (so
//! that the window finds the province under the pointer from the same
//! picture it shows), and the colour of each pixel with the borders.

use super::map::{BORDER, NO_DATA, ProvinceMap};

/// The map fitted into a picture: pixels per degree and the offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub scale: f64,
    pub left: f64,
    pub top: f64,
    pub bbox: [f64; 4],
}

impl Fit {
    /// The map's box fitted into `width` × `height`, centred, the same
    /// scale both ways (near the equator a degree is as long either way).
    pub fn new(bbox: [f64; 4], width: f64, height: f64) -> Self {
        let (w, h) = (bbox[2] - bbox[0], bbox[3] - bbox[1]);
        let scale = if w > 0.0 && h > 0.0 {
            (width / w).min(height / h)
        } else {
            1.0
        };
        Fit {
            scale,
            left: (width - w * scale) / 2.0,
            top: (height - h * scale) / 2.0,
            bbox,
        }
    }

    /// The picture's point of a longitude and latitude.
    pub fn to_xy(&self, p: [f64; 2]) -> [f64; 2] {
        [
            self.left + (p[0] - self.bbox[0]) * self.scale,
            self.top + (self.bbox[3] - p[1]) * self.scale,
        ]
    }

    /// The longitude and latitude of a point of the picture.
    pub fn to_lonlat(&self, xy: [f64; 2]) -> [f64; 2] {
        [
            self.bbox[0] + (xy[0] - self.left) / self.scale,
            self.bbox[3] - (xy[1] - self.top) / self.scale,
        ]
    }
}

/// The map drawn to pixels: which province each pixel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    pub width: usize,
    pub height: usize,
    /// Row by row, the province of each pixel ([`Raster::SEA`]: none).
    pub index: Vec<u16>,
    pub fit: Fit,
}

impl Raster {
    pub const SEA: u16 = u16::MAX;

    /// Fills every province's rings (even-odd, by scanline at each pixel's
    /// centre) into a picture of `width` × `height`.
    pub fn new(map: &ProvinceMap, width: usize, height: usize) -> Self {
        let fit = Fit::new(map.bbox, width as f64, height as f64);
        let mut index = vec![Self::SEA; width * height];
        let mut xs: Vec<f64> = Vec::new();
        let rings: Vec<Vec<Vec<[f64; 2]>>> = map
            .provinces
            .iter()
            .map(|p| {
                p.rings
                    .iter()
                    .map(|r| r.iter().map(|&q| fit.to_xy(q)).collect())
                    .collect()
            })
            .collect();
        for (pi, province) in rings.iter().enumerate() {
            let (mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY);
            for q in province.iter().flatten() {
                y0 = y0.min(q[1]);
                y1 = y1.max(q[1]);
            }
            if !y0.is_finite() {
                continue;
            }
            let first = (y0.floor().max(0.0)) as usize;
            let last = (y1.ceil().max(0.0) as usize).min(height);
            for row in first..last {
                let y = row as f64 + 0.5;
                xs.clear();
                for ring in province {
                    for k in 0..ring.len() {
                        let a = ring[k];
                        let b = ring[(k + 1) % ring.len()];
                        if (a[1] <= y) != (b[1] <= y) {
                            xs.push(a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
                        }
                    }
                }
                xs.sort_by(f64::total_cmp);
                for pair in xs.chunks_exact(2) {
                    let from = (pair[0] - 0.5).ceil().max(0.0) as usize;
                    let to = ((pair[1] - 0.5).floor() + 1.0).clamp(0.0, width as f64) as usize;
                    for x in from..to {
                        index[row * width + x] = pi as u16;
                    }
                }
            }
        }
        Raster {
            width,
            height,
            index,
            fit,
        }
    }

    /// The province at pixel (x, y), if any.
    pub fn province_at(&self, x: f64, y: f64) -> Option<usize> {
        if x < 0.0 || y < 0.0 {
            return None;
        }
        let (x, y) = (x as usize, y as usize);
        if x >= self.width || y >= self.height {
            return None;
        }
        match self.index[y * self.width + x] {
            Self::SEA => None,
            i => Some(i as usize),
        }
    }

    /// The colour of each pixel: the province's fill, [`BORDER`] where a
    /// pixel's right or lower neighbour is another province (of another
    /// group) or the sea, `None` for the sea.
    pub fn colors(&self, fills: &[[u8; 3]], groups: &[usize]) -> Vec<Option<[u8; 3]>> {
        let group = |i: u16| groups.get(i as usize).copied().unwrap_or(i as usize);
        let other = |n: u16, i: u16| n != Self::SEA && n != i && group(n) != group(i);
        let (w, h) = (self.width, self.height);
        (0..w * h)
            .map(|k| {
                let i = self.index[k];
                let (x, y) = (k % w, k / w);
                let right = if x + 1 < w {
                    self.index[k + 1]
                } else {
                    Self::SEA
                };
                let below = if y + 1 < h {
                    self.index[k + w]
                } else {
                    Self::SEA
                };
                let left = if x > 0 { self.index[k - 1] } else { Self::SEA };
                let above = if y > 0 { self.index[k - w] } else { Self::SEA };
                if i == Self::SEA {
                    // The coast is drawn on the sea's side, one pixel.
                    let land = [right, below, left, above]
                        .into_iter()
                        .any(|n| n != Self::SEA);
                    return land.then_some(BORDER);
                }
                if other(right, i) || other(below, i) {
                    return Some(BORDER);
                }
                Some(fills.get(i as usize).copied().unwrap_or(NO_DATA))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::map::tests::small_map;

    #[test]
    fn the_raster_fills_each_square_and_draws_the_border() {
        let m = small_map();
        let r = Raster::new(&m, 40, 10);
        assert_eq!(r.province_at(5.0, 5.0), Some(0));
        assert_eq!(r.province_at(15.0, 5.0), Some(1));
        assert_eq!(r.province_at(35.0, 5.0), Some(3));
        let colors = r.colors(&[[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4]], &[0, 1, 1, 3]);
        assert_eq!(colors[5 * 40 + 5], Some([1, 1, 1]));
        // The last column of the first square borders the second; the
        // second and third show one region: no border between them.
        assert_eq!(colors[5 * 40 + 9], Some(BORDER));
        assert_eq!(colors[5 * 40 + 19], Some([2, 2, 2]));
        assert_eq!(colors[5 * 40 + 29], Some(BORDER));
        let fit = r.fit;
        let p = fit.to_lonlat(fit.to_xy([2.5, 0.5]));
        assert!((p[0] - 2.5).abs() < 1e-12 && (p[1] - 0.5).abs() < 1e-12);
    }
}
