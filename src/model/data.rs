//! The data table (one row per region and year) and its checked, grouped
//! form that the projection runs on.

use super::error::{ModelError, Problem};
use super::region_tree::RegionTree;

pub use super::data_row::DataRow;
pub use super::region_groups::RegionGroups;

pub use super::columns::{ColumnMapping, Field};
pub use super::values::{Label, MaybeNumber};

/// Plausible crude birth rates, per 1.000 people: no population on record
/// has had fewer than 1 or more than 60 live births per 1.000 a year.
pub const CBR_RANGE: (f64, f64) = (1.0, 60.0);

/// The data table checked and grouped by region, years ascending, in
/// columns so that a recompute touches only what it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedData {
    /// Region codes, in order of first appearance.
    pub codes: Vec<String>,
    pub names: Vec<String>,
    /// First data year (the same for every region).
    pub first_year: i32,
    /// Number of data years (the same for every region).
    pub years: usize,
    /// `region * years + (year - first_year)` indexes these columns.
    pub population: Vec<Option<f64>>,
    pub cbr: Vec<Option<f64>>,
    pub births: Vec<Option<f64>>,
    pub pregnant_women: Vec<Option<f64>>,
    pub midwives_available: Vec<Option<f64>>,
    /// True when any row gives midwives available.
    pub has_midwives: bool,
    /// Births before any rounding: the given births, else CBR × population
    /// / 1000; NaN when neither can be had. Read by every recompute, so kept
    /// compact.
    pub births_base: Vec<f64>,
    /// Pregnant women as given, NaN when not given.
    pub pregnant_given: Vec<f64>,
    /// Per data year: total population, if every region gives it.
    pub population_total: Vec<Option<f64>>,
    /// Per data year: total midwives available, if every region gives them.
    pub midwives_total: Vec<Option<f64>>,
    /// The regions as a tree; flat (every region under the total) unless
    /// the rows name parents or Kemendagri codes nest. The totals above sum
    /// the regions without regions under them.
    pub tree: RegionTree,
}

fn check(
    row: usize,
    column: &'static str,
    value: Option<f64>,
    range: (f64, f64),
) -> Result<(), ModelError> {
    if let Some(v) = value {
        let problem = if !v.is_finite() {
            Some(Problem::NotFinite)
        } else if v < range.0 || v > range.1 {
            Some(Problem::OutOfRange {
                min: range.0,
                max: range.1,
                max_open: false,
            })
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(ModelError::Data {
                row,
                column,
                value: Some(v),
                problem,
            });
        }
    }
    Ok(())
}

/// Largest count accepted for people (ten times the world's population).
pub const MAX_PEOPLE: f64 = 8.0e10;

impl PreparedData {
    /// Checks every row and groups them. Rows are numbered from 1 in errors.
    pub fn new(rows: &[DataRow]) -> Result<Self, ModelError> {
        if rows.is_empty() {
            return Err(ModelError::EmptyData);
        }
        for (i, r) in rows.iter().enumerate() {
            let n = i + 1;
            if !(1000..=3000).contains(&r.year) {
                return Err(ModelError::Data {
                    row: n,
                    column: "year",
                    value: Some(r.year as f64),
                    problem: Problem::OutOfRange {
                        min: 1000.0,
                        max: 3000.0,
                        max_open: false,
                    },
                });
            }
            check(n, "population", r.population.get(), (0.0, MAX_PEOPLE))?;
            check(n, "cbr", r.cbr.get(), CBR_RANGE)?;
            check(n, "births", r.births.get(), (0.0, MAX_PEOPLE))?;
            check(
                n,
                "pregnant_women",
                r.pregnant_women.get(),
                (0.0, MAX_PEOPLE),
            )?;
            check(
                n,
                "midwives_available",
                r.midwives_available.get(),
                (0.0, MAX_PEOPLE),
            )?;
            if r.pregnant_women.is_none() && r.births.is_none() {
                if r.population.is_none() {
                    return Err(ModelError::Data {
                        row: n,
                        column: "population",
                        value: None,
                        problem: Problem::Missing,
                    });
                }
                if r.cbr.is_none() {
                    return Err(ModelError::Data {
                        row: n,
                        column: "cbr",
                        value: None,
                        problem: Problem::Missing,
                    });
                }
            }
        }
        let groups = RegionGroups::new(rows);
        let members: Vec<&[usize]> = groups.iter().collect();

        let mut first_year = i32::MAX;
        let mut last_year = i32::MIN;
        let mut expected: Option<(i32, i32, usize)> = None;
        for m in &members {
            for w in m.windows(2) {
                let (a, b) = (&rows[w[0]], &rows[w[1]]);
                if a.year == b.year {
                    return Err(ModelError::DuplicateYear {
                        row: w[1].max(w[0]) + 1,
                        region: a.region_key().to_string(),
                        year: a.year,
                    });
                }
                if b.year != a.year + 1 {
                    return Err(ModelError::YearGap {
                        region: a.region_key().to_string(),
                        after: a.year,
                        next: b.year,
                    });
                }
            }
            let (Some(&first), Some(&last)) = (m.first(), m.last()) else {
                continue;
            };
            let (f, l) = (rows[first].year, rows[last].year);
            match expected {
                None => expected = Some((f, l, m[0])),
                Some((ef, el, _)) if ef != f || el != l => {
                    return Err(ModelError::InconsistentYears {
                        region: rows[m[0]].region_key().to_string(),
                        first: f,
                        last: l,
                        expected_first: ef,
                        expected_last: el,
                    });
                }
                _ => {}
            }
            first_year = first_year.min(f);
            last_year = last_year.max(l);
        }
        let years = (last_year - first_year + 1) as usize;
        let cells = members.len() * years;
        let mut out = PreparedData {
            codes: Vec::with_capacity(members.len()),
            names: Vec::with_capacity(members.len()),
            first_year,
            years,
            population: Vec::with_capacity(cells),
            cbr: Vec::with_capacity(cells),
            births: Vec::with_capacity(cells),
            pregnant_women: Vec::with_capacity(cells),
            midwives_available: Vec::with_capacity(cells),
            has_midwives: false,
            births_base: Vec::with_capacity(cells),
            pregnant_given: Vec::with_capacity(cells),
            population_total: vec![Some(0.0); years],
            midwives_total: vec![Some(0.0); years],
            tree: RegionTree::default(),
        };
        for m in &members {
            out.codes.push(rows[m[0]].region_code.trim().to_string());
        }
        out.tree = RegionTree::build(rows, &out.codes, &members)?;
        for (region, m) in members.iter().enumerate() {
            let counted = out.tree.is_leaf(region);
            let name = m
                .iter()
                .map(|&i| rows[i].region_name.trim())
                .find(|n| !n.is_empty())
                .unwrap_or("");
            out.names.push(name.to_string());
            for (k, &i) in m.iter().enumerate() {
                let r = &rows[i];
                let births = match (r.births.get(), r.population.get(), r.cbr.get()) {
                    (Some(b), _, _) => b,
                    (None, Some(pop), Some(cbr)) => cbr * pop / 1000.0,
                    _ => f64::NAN,
                };
                out.births_base.push(births);
                out.pregnant_given
                    .push(r.pregnant_women.unwrap_or(f64::NAN));
                if counted {
                    out.population_total[k] = out.population_total[k]
                        .zip(r.population.get())
                        .map(|(a, x)| a + x);
                    out.midwives_total[k] = out.midwives_total[k]
                        .zip(r.midwives_available.get())
                        .map(|(a, x)| a + x);
                }
                out.population.push(r.population.get());
                out.cbr.push(r.cbr.get());
                out.births.push(r.births.get());
                out.pregnant_women.push(r.pregnant_women.get());
                out.midwives_available.push(r.midwives_available.get());
                out.has_midwives |= r.midwives_available.is_some();
            }
        }
        Ok(out)
    }

    pub fn regions(&self) -> usize {
        self.codes.len()
    }

    /// Regions counted in the totals: those without regions under them.
    pub fn counted_regions(&self) -> usize {
        if self.tree.nested {
            self.tree.leaf_count
        } else {
            self.regions()
        }
    }

    pub fn last_year(&self) -> i32 {
        self.first_year + self.years as i32 - 1
    }

    /// A label for region `r`: its name, else its code.
    pub fn label(&self, r: usize) -> &str {
        if self.names[r].is_empty() {
            &self.codes[r]
        } else {
            &self.names[r]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::values::MISSING_BITS;

    #[test]
    fn a_maybe_number_reads_and_compares_as_an_option() {
        for v in [None, Some(0.0), Some(-0.0), Some(18.5), Some(f64::INFINITY)] {
            let m = MaybeNumber::new(v);
            assert_eq!(m.get(), v);
            assert_eq!(m, v);
            assert_eq!(m.is_some(), v.is_some());
            assert_eq!(format!("{m:?}"), format!("{v:?}"));
        }
        assert_eq!(MaybeNumber::default(), None);
        assert_eq!(MaybeNumber::from(2017.0).unwrap(), 2017.0);
        // A NaN given is kept as a number, even one with the bits of "missing".
        assert!(
            MaybeNumber::new(Some(f64::NAN))
                .get()
                .is_some_and(f64::is_nan)
        );
        let odd = f64::from_bits(MISSING_BITS);
        assert!(MaybeNumber::new(Some(odd)).get().is_some_and(f64::is_nan));
    }

    #[test]
    fn a_row_keeps_its_scenario_file_form() {
        let row = DataRow {
            region_code: "3512".into(),
            region_name: "Situbondo".into(),
            year: 2017,
            population: 680_000.0.into(),
            cbr: 16.2.into(),
            ..DataRow::default()
        };
        let text = ron::to_string(&row).unwrap();
        assert!(text.contains("population:Some(680000.0)"), "{text}");
        assert!(text.contains("births:None"), "{text}");
        assert_eq!(ron::from_str::<DataRow>(&text).unwrap(), row);
        // Fields left out are missing.
        let short: DataRow = ron::from_str("(year: 2018, cbr: Some(15.0))").unwrap();
        assert_eq!(
            (short.cbr, short.population),
            (Some(15.0).into(), MaybeNumber::NONE)
        );
    }

    #[test]
    fn a_row_fits_in_one_cache_line() {
        // 1,7 million rows of a national table load as fast as their memory
        // can be handed out; twice the size took twice as long.
        assert!(std::mem::size_of::<DataRow>() <= 64);
    }
}
