//! A region's figures summed over the regions under it, and each region
//! that has a row of its own and regions under it checked against their
//! sum. The need is computed for the regions without regions under them
//! (the leaves) and summed up the tree: as FTE, or each leaf rounded up to
//! whole midwives first ([`NeedSum`]).

use rayon::prelude::*;

use super::data::PreparedData;
use super::growth::annual_rate;
use super::params::NeedSum;
use super::projection::{Projection, YearKind, YearRow};

/// Leaves summed together on one core.
const LEAVES_PER_PIECE: usize = 8192;

/// The figures of `node` (the total for `None`) for every year shown:
/// a leaf's own, or the sum of the leaves under it.
pub fn node_rows(
    data: &PreparedData,
    proj: &Projection,
    node: Option<usize>,
    rule: NeedSum,
) -> Vec<YearRow> {
    match node {
        None if rule == NeedSum::Fte => proj.total.clone(),
        Some(r) if r < data.regions() && data.tree.is_leaf(r) => {
            let mut rows = proj.region_rows(data, r);
            for row in &mut rows {
                let need = rule.leaf(row.midwives_needed);
                set_need(row, need);
            }
            rows
        }
        _ => sum_rows(data, proj, node, rule),
    }
}

/// The figures of `node` in one year.
pub fn node_row(
    data: &PreparedData,
    proj: &Projection,
    node: Option<usize>,
    year: i32,
    rule: NeedSum,
) -> Option<YearRow> {
    if !proj.years().contains(&year) {
        return None;
    }
    match node {
        None if rule == NeedSum::Fte => proj.total_row(year).cloned(),
        Some(r) if r < data.regions() && data.tree.is_leaf(r) => {
            let mut row = proj.region_row(data, r, year);
            let need = rule.leaf(row.midwives_needed);
            set_need(&mut row, need);
            Some(row)
        }
        _ => {
            let rows = sum_rows(data, proj, node, rule);
            rows.into_iter().find(|row| row.year == year)
        }
    }
}

fn set_need(row: &mut YearRow, need: f64) {
    row.midwives_needed = need;
    row.gap = row.midwives_available.map(|a| a - need);
    row.ratio = row
        .midwives_available
        .and_then(|a| if need > 0.0 { Some(a / need) } else { None });
}

/// Sums the leaves under `node` year by year.
fn sum_rows(
    data: &PreparedData,
    proj: &Projection,
    node: Option<usize>,
    rule: NeedSum,
) -> Vec<YearRow> {
    let span = proj.years().count();
    let years = data.years;
    let share = proj.capacity.share;
    let mut population = vec![Some(0.0); years];
    let mut births = vec![Some(0.0); years];
    let mut available = vec![Some(0.0); years];
    let leaves: Vec<usize> = match node {
        Some(r) if r >= data.regions() => Vec::new(),
        _ => data.tree.leaves_under(node).collect(),
    };
    // Pregnant women, their projection and the need summed a piece of
    // leaves per core, each piece year by year in the order of the tree;
    // the pieces' sums are added in order, so the result does not depend
    // on the number of cores.
    let pieces: Vec<[Vec<f64>; 3]> = leaves
        .par_chunks(LEAVES_PER_PIECE)
        .map(|piece| {
            let mut sums = [vec![0.0; span], vec![0.0; span], vec![0.0; span]];
            let [pregnant, projected, need] = &mut sums;
            proj.each_year_of(piece, |k, shown| {
                // Summed in registers, each year once.
                let (mut pw_sum, mut projected_sum, mut need_sum) = (0.0, 0.0, 0.0);
                for (&r, &p) in piece.iter().zip(shown) {
                    projected_sum += p;
                    let pw = if k < years {
                        proj.pregnant[r * years + k]
                    } else {
                        p
                    };
                    pw_sum += pw;
                    if rule != NeedSum::Fte {
                        need_sum += rule.leaf(share * pw);
                    }
                }
                (pregnant[k], projected[k], need[k]) = (pw_sum, projected_sum, need_sum);
            });
            sums
        })
        .collect();
    let mut pregnant = vec![0.0; span];
    let mut projected = vec![0.0; span];
    let mut need = vec![0.0; span];
    for [pw, pr, nd] in &pieces {
        for k in 0..span {
            pregnant[k] += pw[k];
            projected[k] += pr[k];
            need[k] += nd[k];
        }
    }
    for &r in &leaves {
        for k in 0..years {
            let i = r * years + k;
            let add = |sum: &mut Option<f64>, x: Option<f64>| {
                *sum = sum.zip(x).map(|(a, b)| a + b);
            };
            add(&mut population[k], data.population[i]);
            let b = data.births_base[i];
            add(&mut births[k], (!b.is_nan()).then_some(b));
            add(&mut available[k], data.midwives_available[i]);
        }
    }
    let mut out = Vec::with_capacity(span);
    for (k, year) in proj.years().enumerate() {
        let data_year = k < years;
        let pw = pregnant[k];
        let needed = if rule == NeedSum::Fte {
            share * pw
        } else {
            need[k]
        };
        let avail = if data_year && !leaves.is_empty() {
            available[k]
        } else {
            None
        };
        let (pop, b) = if data_year && !leaves.is_empty() {
            (population[k], births[k])
        } else {
            (None, None)
        };
        let fit = if data_year && pw > 0.0 {
            Some((projected[k] - pw) / pw * 100.0)
        } else {
            None
        };
        out.push(YearRow {
            year,
            kind: if data_year {
                YearKind::Data
            } else {
                YearKind::Projection
            },
            population: pop,
            cbr: match (pop, b) {
                (Some(p), Some(b)) if p > 0.0 => Some(b / p * 1000.0),
                _ => None,
            },
            births: b,
            pregnant_women: pw,
            growth: if data_year && k > 0 {
                annual_rate(pregnant[k - 1], pw)
            } else {
                None
            },
            projected_pregnant_women: projected[k],
            fit_difference_percent: fit,
            midwives_needed: needed,
            midwives_available: avail,
            gap: avail.map(|a| a - needed),
            ratio: avail.and_then(|a| if needed > 0.0 { Some(a / needed) } else { None }),
        });
    }
    out
}

/// A region with a row of its own and regions under it, in a data year
/// where its own figure and the sum of the regions under it differ.
#[derive(Debug, Clone, PartialEq)]
pub struct ParentCheck {
    pub region: usize,
    pub year: i32,
    /// Pregnant women from the region's own row.
    pub own: f64,
    /// Pregnant women summed over the leaves under it.
    pub children: f64,
}

impl ParentCheck {
    /// own − children.
    pub fn difference(&self) -> f64 {
        self.own - self.children
    }
}

/// Every region with regions under it whose own pregnant women differ from
/// the sum of the leaves under it (by more than half a person), data year
/// by data year, in tree order. One pass up the tree.
pub fn parent_checks(data: &PreparedData, proj: &Projection) -> Vec<ParentCheck> {
    let tree = &data.tree;
    if !tree.nested {
        return Vec::new();
    }
    let years = data.years;
    let n = data.regions();
    let mut sums = vec![0.0; n * years];
    for &r in tree.preorder.iter().rev() {
        let r = r as usize;
        if tree.is_leaf(r) {
            sums[r * years..(r + 1) * years]
                .copy_from_slice(&proj.pregnant[r * years..(r + 1) * years]);
        }
        if let Some(p) = tree.parent[r] {
            let p = p as usize;
            for k in 0..years {
                sums[p * years + k] += sums[r * years + k];
            }
        }
    }
    let mut out = Vec::new();
    for &r in &tree.preorder {
        let r = r as usize;
        if tree.is_leaf(r) {
            continue;
        }
        for k in 0..years {
            let own = proj.pregnant[r * years + k];
            let children = sums[r * years + k];
            if (own - children).abs() > 0.5 {
                out.push(ParentCheck {
                    region: r,
                    year: data.first_year + k as i32,
                    own,
                    children,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataRow, Parameters, project};

    /// Need per pregnant woman, the paper's standard: 146,58 / 69.825.
    const SHARE: f64 = 146.58 / 69_825.0;

    fn params() -> Parameters {
        let mut p = Parameters::default();
        p.population.base_year = 2020;
        p.population.horizon_year = 2022;
        p
    }

    /// A region with pregnant women 2020, 2021 and midwives in post.
    fn region(code: &str, parent: &str, pw: [f64; 2], midwives: f64) -> Vec<DataRow> {
        [2020, 2021]
            .iter()
            .zip(pw)
            .map(|(&year, w)| {
                let mut r = DataRow {
                    region_code: code.into(),
                    year,
                    pregnant_women: w.into(),
                    midwives_available: midwives.into(),
                    ..DataRow::default()
                };
                r.set_parent_code(parent);
                r
            })
            .collect()
    }

    /// Province 32 (own row: 10.000, 11.000) > kabupaten 32.01 (no own
    /// figures differ) and 32.02; 32.01 > kecamatan 32.01.01, 32.01.02.
    fn three_levels() -> Vec<DataRow> {
        let mut rows = region("32", "", [10_000.0, 11_000.0], 20.0);
        rows.extend(region("32.01", "", [3_000.0, 3_300.0], 7.0));
        rows.extend(region("32.01.01", "", [1_000.0, 1_100.0], 2.0));
        rows.extend(region("32.01.02", "", [2_000.0, 2_200.0], 4.0));
        rows.extend(region("32.02", "", [6_000.0, 6_600.0], 11.0));
        rows
    }

    #[test]
    fn sums_go_up_the_tree_from_the_leaves() {
        let data = PreparedData::new(&three_levels()).unwrap();
        let proj = project(&params(), &data).unwrap();
        // Leaves: 32.01.01, 32.01.02, 32.02 → 9.000 in 2020, 9.900 in 2021.
        let total = node_rows(&data, &proj, None, NeedSum::Fte);
        assert_eq!(total[0].pregnant_women, 9_000.0);
        assert_eq!(total[1].pregnant_women, 9_900.0);
        assert_eq!(total[0].midwives_available, Some(17.0));
        assert!((total[1].midwives_needed - SHARE * 9_900.0).abs() < 1e-9);
        // Every leaf grows 10 % a year: 2022 is 10.890.
        assert!((total[2].projected_pregnant_women - 10_890.0).abs() < 1e-6);
        // The province is the total; 32.01 is its two kecamatan.
        let prov = node_rows(&data, &proj, Some(0), NeedSum::Fte);
        assert_eq!(prov[1].pregnant_women, 9_900.0);
        let kab = node_rows(&data, &proj, Some(1), NeedSum::Fte);
        assert_eq!(kab[0].pregnant_women, 3_000.0);
        assert!((kab[2].projected_pregnant_women - 3_630.0).abs() < 1e-6);
        assert_eq!(kab[0].midwives_available, Some(6.0));
        let gap = 6.0 - SHARE * 3_000.0; // 6 − 6,30 = −0,30
        assert!((kab[0].gap.unwrap() - gap).abs() < 1e-9);
        // A leaf is its own row.
        let leaf = node_rows(&data, &proj, Some(4), NeedSum::Fte);
        assert_eq!(leaf, proj.region_rows(&data, 4));
        assert_eq!(
            node_row(&data, &proj, Some(1), 2021, NeedSum::Fte).map(|r| r.pregnant_women),
            Some(3_300.0)
        );
    }

    #[test]
    fn a_parent_that_disagrees_with_its_children_is_reported() {
        let data = PreparedData::new(&three_levels()).unwrap();
        let proj = project(&params(), &data).unwrap();
        let checks = parent_checks(&data, &proj);
        // 32.01 agrees (3.000 = 1.000 + 2.000); 32 gives 10.000 against
        // 9.000 and 11.000 against 9.900.
        assert_eq!(
            checks,
            vec![
                ParentCheck {
                    region: 0,
                    year: 2020,
                    own: 10_000.0,
                    children: 9_000.0
                },
                ParentCheck {
                    region: 0,
                    year: 2021,
                    own: 11_000.0,
                    children: 9_900.0
                },
            ]
        );
        assert_eq!(checks[1].difference(), 1_100.0);
    }

    #[test]
    fn each_leaf_rounded_up_then_summed_against_the_fte_sum() {
        // Need in 2020: 32.01.01 2,10; 32.01.02 4,20; 32.02 12,60.
        let data = PreparedData::new(&three_levels()).unwrap();
        let proj = project(&params(), &data).unwrap();
        let fte = node_rows(&data, &proj, None, NeedSum::Fte);
        let each = node_rows(&data, &proj, None, NeedSum::EachRoundedUp);
        assert!((fte[0].midwives_needed - 18.894).abs() < 0.001);
        // 3 + 5 + 13 = 21 whole midwives, against 18,9 FTE (19 rounded once).
        assert_eq!(each[0].midwives_needed, 21.0);
        assert_eq!(each[0].gap, Some(17.0 - 21.0));
        let kab = node_rows(&data, &proj, Some(1), NeedSum::EachRoundedUp);
        assert_eq!(kab[0].midwives_needed, 8.0); // 3 + 5, against 6,30 FTE
        let leaf = node_rows(&data, &proj, Some(2), NeedSum::EachRoundedUp);
        assert_eq!(leaf[0].midwives_needed, 3.0);
    }

    #[test]
    fn a_province_of_more_leaves_than_a_piece_sums_each_leaf_once() {
        // Province 32 with 2 kabupaten × 5 kecamatan × 1.000 villages
        // (10.000 leaves, two pieces and a bit), and province 33 with
        // nothing under it; villages of 7 to 57 pregnant women.
        let mut rows = region("33", "", [40.0, 41.0], 0.0);
        rows.extend(region("32", "", [1.0, 1.0], 0.0));
        let mut leaves = Vec::new();
        for k in 1..=2 {
            rows.extend(region(&format!("32.{k:02}"), "", [1.0, 1.0], 0.0));
            for c in 1..=5 {
                rows.extend(region(&format!("32.{k:02}.{c:02}"), "", [1.0, 1.0], 0.0));
                for d in 0..1000 {
                    let w = 7.0 + ((k * 31 + c * 7 + d) % 51) as f64;
                    rows.extend(region(
                        &format!("32.{k:02}.{c:02}.{:04}", 2001 + d),
                        "",
                        [w, w + (d % 3) as f64],
                        1.0,
                    ));
                    leaves.push(w);
                }
            }
        }
        let data = PreparedData::new(&rows).unwrap();
        assert!(data.tree.nested);
        let mut p = params();
        p.population.horizon_year = 2030;
        let proj = project(&p, &data).unwrap();
        let province = (0..data.regions())
            .find(|&r| data.codes[r].trim() == "32")
            .unwrap();
        let leaves_of =
            |node: Option<usize>| -> Vec<usize> { data.tree.leaves_under(node).collect() };
        assert_eq!(leaves_of(Some(province)).len(), 10_000);
        for node in [None, Some(province)] {
            for rule in [NeedSum::Fte, NeedSum::EachRoundedUp] {
                let rows = node_rows(&data, &proj, node, rule);
                assert_eq!(rows.len(), 11);
                for (k, row) in rows.iter().enumerate() {
                    let year = 2020 + k as i32;
                    let each: Vec<YearRow> = leaves_of(node)
                        .into_iter()
                        .map(|r| proj.region_row(&data, r, year))
                        .collect();
                    let pregnant: f64 = each.iter().map(|r| r.pregnant_women).sum();
                    let projected: f64 = each.iter().map(|r| r.projected_pregnant_women).sum();
                    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs();
                    assert!(close(row.pregnant_women, pregnant), "{node:?} {year}");
                    assert!(close(row.projected_pregnant_women, projected));
                    match rule {
                        NeedSum::Fte => assert!(close(row.midwives_needed, SHARE * pregnant)),
                        NeedSum::EachRoundedUp => {
                            // Every village needs under one midwife: one each.
                            assert!(each.iter().all(|r| r.midwives_needed < 1.0));
                            assert_eq!(row.midwives_needed, each.len() as f64);
                        }
                    }
                }
            }
        }
        // 2020: the villages' own figures, summed.
        let own: f64 = leaves.iter().sum::<f64>() + 40.0;
        assert_eq!(
            node_rows(&data, &proj, None, NeedSum::EachRoundedUp)[0].pregnant_women,
            own
        );
    }

    #[test]
    fn a_flat_file_sums_as_before() {
        let mut rows = region("A", "", [1_000.0, 1_100.0], 2.0);
        rows.extend(region("B", "", [2_000.0, 2_200.0], 4.0));
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&params(), &data).unwrap();
        assert!(!data.tree.nested);
        assert_eq!(node_rows(&data, &proj, None, NeedSum::Fte), proj.total);
        let summed = sum_rows(&data, &proj, None, NeedSum::Fte);
        for (a, b) in summed.iter().zip(&proj.total) {
            assert!((a.projected_pregnant_women - b.projected_pregnant_women).abs() < 1e-9);
            assert_eq!(a.pregnant_women, b.pregnant_women);
        }
        assert!(parent_checks(&data, &proj).is_empty());
    }
}
