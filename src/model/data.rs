//! The data table (one row per region and year) and its checked, grouped
//! form that the projection runs on.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

use super::Lang;
use super::error::{ModelError, Problem};
use crate::i18n::T;

/// Plausible crude birth rates, per 1.000 people.
pub const CBR_RANGE: (f64, f64) = (0.0, 60.0);

/// A region's code or name. Every year of a region shares one copy of the
/// text, so a table of 84.000 villages × 20 years holds each name once and
/// copying a row allocates nothing. Reads as a `str`; the empty text takes no
/// memory. One pointer wide (the text's length lives with the text), so that
/// a row stays small.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(Option<Arc<String>>);

impl Label {
    pub fn new(text: &str) -> Self {
        if text.is_empty() {
            Label(None)
        } else {
            Label(Some(Arc::new(text.to_owned())))
        }
    }

    pub fn as_str(&self) -> &str {
        self.0.as_deref().map_or("", String::as_str)
    }
}

impl std::ops::Deref for Label {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Label {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Label {
    fn from(s: &str) -> Self {
        Label::new(s)
    }
}

impl From<String> for Label {
    fn from(s: String) -> Self {
        if s.is_empty() {
            Label(None)
        } else {
            Label(Some(Arc::new(s)))
        }
    }
}

impl PartialEq<str> for Label {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Label {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Label {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Label::from)
    }
}

/// A number that may be missing, in the space of one `f64` (an
/// `Option<f64>` takes twice that): a row of the data table stays small, so
/// that a national table of 1,7 million rows loads and fits quickly. Missing
/// is one particular NaN that no arithmetic gives; any other value, a NaN
/// included, is kept as given. Reads and compares as an `Option<f64>`.
#[derive(Clone, Copy)]
pub struct MaybeNumber(f64);

/// The bits that mean "missing": a quiet NaN with a payload of its own.
const MISSING_BITS: u64 = 0x7FFC_0000_0000_0D1E;

impl MaybeNumber {
    /// No number.
    pub const NONE: MaybeNumber = MaybeNumber(f64::from_bits(MISSING_BITS));

    pub fn new(value: Option<f64>) -> Self {
        match value {
            Some(v) if v.to_bits() == MISSING_BITS => MaybeNumber(f64::NAN),
            Some(v) => MaybeNumber(v),
            None => Self::NONE,
        }
    }

    /// The number, as an `Option`.
    pub fn get(self) -> Option<f64> {
        (self.0.to_bits() != MISSING_BITS).then_some(self.0)
    }

    pub fn is_some(self) -> bool {
        self.get().is_some()
    }

    pub fn is_none(self) -> bool {
        self.get().is_none()
    }

    pub fn unwrap_or(self, default: f64) -> f64 {
        self.get().unwrap_or(default)
    }

    pub fn map<U>(self, f: impl FnOnce(f64) -> U) -> Option<U> {
        self.get().map(f)
    }

    /// The number; panics when it is missing (for tests and invariants).
    #[track_caller]
    pub fn unwrap(self) -> f64 {
        match self.get() {
            Some(v) => v,
            None => panic!("called `MaybeNumber::unwrap()` on a missing number"),
        }
    }
}

impl Default for MaybeNumber {
    fn default() -> Self {
        Self::NONE
    }
}

impl From<Option<f64>> for MaybeNumber {
    fn from(value: Option<f64>) -> Self {
        MaybeNumber::new(value)
    }
}

impl From<f64> for MaybeNumber {
    fn from(value: f64) -> Self {
        MaybeNumber::new(Some(value))
    }
}

impl From<MaybeNumber> for Option<f64> {
    fn from(value: MaybeNumber) -> Self {
        value.get()
    }
}

impl PartialEq for MaybeNumber {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl PartialEq<Option<f64>> for MaybeNumber {
    fn eq(&self, other: &Option<f64>) -> bool {
        self.get() == *other
    }
}

impl fmt::Debug for MaybeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}

impl Serialize for MaybeNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

impl<'de> Deserialize<'de> for MaybeNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<f64>::deserialize(d).map(MaybeNumber::new)
    }
}

/// One region in one year, as the planner enters or imports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DataRow {
    /// Region code (BPS code, or any code the planner uses).
    #[serde(default)]
    pub region_code: Label,
    #[serde(default)]
    pub region_name: Label,
    pub year: i32,
    /// Population (jiwa).
    #[serde(default)]
    pub population: MaybeNumber,
    /// Crude birth rate, live births per 1.000 people.
    #[serde(default)]
    pub cbr: MaybeNumber,
    /// Live births, when known directly (then CBR is not needed).
    #[serde(default)]
    pub births: MaybeNumber,
    /// Pregnant women, when known directly (then births are not needed).
    #[serde(default)]
    pub pregnant_women: MaybeNumber,
    /// Midwives available (FTE), when known.
    #[serde(default)]
    pub midwives_available: MaybeNumber,
}

impl DataRow {
    /// Whether two rows belong to the same region (same [`region_key`](Self::region_key)).
    pub fn same_region(&self, other: &DataRow) -> bool {
        match (&self.region_code.0, &other.region_code.0) {
            // Rows of one region read from a file share their code.
            (Some(a), Some(b)) if Arc::ptr_eq(a, b) && !blank(a) => true,
            _ => self.region_key() == other.region_key(),
        }
    }

    /// Whether the row gives its year's pregnant women: directly, from
    /// births, or from population × CBR.
    pub fn has_births_data(&self) -> bool {
        self.pregnant_women.is_some()
            || self.births.is_some()
            || (self.population.is_some() && self.cbr.is_some())
    }

    /// The key that groups rows into regions: the code, or the name if no code.
    pub fn region_key(&self) -> &str {
        if self.region_code.trim().is_empty() {
            self.region_name.trim()
        } else {
            self.region_code.trim()
        }
    }
}

/// Whether a text is empty or only spaces, looking at one byte when it
/// starts with a visible ASCII character (codes usually do).
fn blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&c) if c > b' ' && c < 0x80 => false,
        _ => text.trim().is_empty(),
    }
}

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

/// The rows of a data table grouped by region (in order of first
/// appearance), each region's rows in ascending years (equal years keep
/// their file order).
#[derive(Debug, Clone, PartialEq)]
pub struct RegionGroups {
    /// Row indices, region after region.
    pub order: Vec<usize>,
    /// Where each region's rows start in `order`, plus the end.
    pub starts: Vec<usize>,
}

impl RegionGroups {
    /// Tables list a region's years together, so a region is looked up once
    /// per run of rows, and a run already in year order is not sorted.
    pub fn new(rows: &[DataRow]) -> Self {
        let mut index: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        let mut counts: Vec<usize> = Vec::new();
        // (first row, end row, region) of every run of rows of one region.
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            let key = rows[i].region_key();
            let mut end = i + 1;
            while end < rows.len() && rows[end].same_region(&rows[i]) {
                end += 1;
            }
            let next = counts.len();
            let region = *index.entry(key).or_insert(next);
            if region == next {
                counts.push(0);
            }
            counts[region] += end - i;
            runs.push((i, end, region));
            i = end;
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0;
        for c in &counts {
            starts.push(at);
            at += c;
        }
        starts.push(at);
        let order: Vec<usize> = if runs.len() == counts.len() {
            // One run per region: the rows are already grouped.
            runs.iter().flat_map(|&(a, b, _)| a..b).collect()
        } else {
            let mut fill = starts.clone();
            let mut order = vec![0; rows.len()];
            for &(a, b, region) in &runs {
                for (k, row) in (a..b).enumerate() {
                    order[fill[region] + k] = row;
                }
                fill[region] += b - a;
            }
            order
        };
        let mut groups = RegionGroups { order, starts };
        for g in 0..counts.len() {
            let m = &mut groups.order[groups.starts[g]..groups.starts[g + 1]];
            if !m.windows(2).all(|w| rows[w[0]].year <= rows[w[1]].year) {
                m.sort_by_key(|&i| rows[i].year);
            }
        }
        groups
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row indices of each region.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> {
        self.starts.windows(2).map(|w| &self.order[w[0]..w[1]])
    }
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
        };
        for m in members {
            let first = &rows[m[0]];
            out.codes.push(first.region_code.trim().to_string());
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
                out.population_total[k] = out.population_total[k]
                    .zip(r.population.get())
                    .map(|(a, x)| a + x);
                out.midwives_total[k] = out.midwives_total[k]
                    .zip(r.midwives_available.get())
                    .map(|(a, x)| a + x);
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

/// A column of the data table that a file column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    RegionCode,
    RegionName,
    Year,
    Population,
    Cbr,
    Births,
    PregnantWomen,
    MidwivesAvailable,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::RegionCode,
        Field::RegionName,
        Field::Year,
        Field::Population,
        Field::Cbr,
        Field::Births,
        Field::PregnantWomen,
        Field::MidwivesAvailable,
    ];

    /// The header written in templates and exports.
    pub fn key(self) -> &'static str {
        match self {
            Field::RegionCode => "region_code",
            Field::RegionName => "region_name",
            Field::Year => "year",
            Field::Population => "population",
            Field::Cbr => "cbr",
            Field::Births => "births",
            Field::PregnantWomen => "pregnant_women",
            Field::MidwivesAvailable => "midwives_available",
        }
    }

    /// The Indonesian header written in Indonesian templates.
    pub fn key_id(self) -> &'static str {
        match self {
            Field::RegionCode => "kode_wilayah",
            Field::RegionName => "nama_wilayah",
            Field::Year => "tahun",
            Field::Population => "jumlah_penduduk",
            Field::Cbr => "cbr",
            Field::Births => "jumlah_kelahiran",
            Field::PregnantWomen => "jumlah_ibu_hamil",
            Field::MidwivesAvailable => "jumlah_bidan",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::RegionCode => lang.t(T::data_region_code),
            Field::RegionName => lang.t(T::data_region_name),
            Field::Year => lang.t(T::data_year),
            Field::Population => lang.t(T::data_population),
            Field::Cbr => "CBR",
            Field::Births => lang.t(T::data_births),
            Field::PregnantWomen => lang.t(T::data_pregnant_women),
            Field::MidwivesAvailable => lang.t(T::data_midwives_available),
        }
    }
}

/// Which file column feeds which field, as the planner confirmed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ColumnMapping {
    /// (file header as written, field or `None` to ignore the column).
    pub columns: Vec<(String, Option<Field>)>,
}

impl ColumnMapping {
    pub fn index_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|(_, f)| *f == Some(field))
    }

    /// Fields the data cannot do without that no column feeds.
    pub fn missing(&self) -> Vec<Field> {
        let has = |f| self.index_of(f).is_some();
        let mut out = Vec::new();
        if !has(Field::Year) {
            out.push(Field::Year);
        }
        if !has(Field::PregnantWomen) && !has(Field::Births) {
            if !has(Field::Population) {
                out.push(Field::Population);
            }
            if !has(Field::Cbr) {
                out.push(Field::Cbr);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
