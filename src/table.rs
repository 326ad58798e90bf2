//! The results table described once: every column with its key, headings in
//! both languages, unit, number format and the value it reads from a
//! [`YearRow`]. The window's table, the text table of the command line and
//! the CSV, XLSX and JSON files all read this description.
//!
//! Rounding, by output:
//! - window table and text table: rounded for reading ([`Column::cell`]:
//!   whole people, midwives to 0.1, CBR to 0.01, growth to 3 decimals as
//!   published or 4 in exact mode);
//! - CSV and XLSX files of the export: every number at full precision
//!   ([`Precision::Full`]); the XLSX only shows them with a number format;
//! - `compute --format csv` and `--format json`: as the projection's
//!   rounding mode gives them ([`Precision::AsShown`]): in published mode the
//!   growth is rounded half up to 3 decimals, as in the paper; everything
//!   else at full precision.

use crate::i18n::T;
use crate::model::explain::Fmt;
use crate::model::number::{fmt_fixed, round_half_up};
use crate::model::region_tree::Level;
use crate::model::tree_sum::node_rows;
use crate::model::{Lang, NeedSum, PreparedData, Projection, Rounding, YearKind, YearRow};

/// A column of the results table, in the order of the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    RegionCode,
    RegionName,
    Year,
    Kind,
    Population,
    Cbr,
    Births,
    PregnantWomen,
    Growth,
    ProjectedPregnantWomen,
    FitDifferencePercent,
    MidwivesNeeded,
    MidwivesAvailable,
    Gap,
    Ratio,
}

/// How the numbers of a file are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Every number at full precision (the shortest text that reads back as
    /// the same number).
    Full,
    /// As the rounding mode shows them: in published mode the growth is
    /// rounded half up to 3 decimals; every other number at full precision.
    AsShown(Rounding),
    /// As a planner reads them ([`Column::file_decimals`]): people whole,
    /// midwives (FTE) to 2 decimals, rates as the window shows them.
    Reading(Rounding),
}

impl Precision {
    /// The growth `g` as this precision writes it.
    pub fn growth(self, g: f64) -> f64 {
        match self {
            Precision::AsShown(Rounding::Published) => round_half_up(g, 3),
            Precision::Reading(rounding) => {
                round_half_up(g, Column::Growth.file_decimals(rounding) as i32)
            }
            Precision::Full | Precision::AsShown(Rounding::Exact) => g,
        }
    }
}

impl Column {
    /// Every column, in the order of the CSV and XLSX files.
    pub const ALL: [Column; 15] = [
        Column::RegionCode,
        Column::RegionName,
        Column::Year,
        Column::Kind,
        Column::Population,
        Column::Cbr,
        Column::Births,
        Column::PregnantWomen,
        Column::Growth,
        Column::ProjectedPregnantWomen,
        Column::FitDifferencePercent,
        Column::MidwivesNeeded,
        Column::MidwivesAvailable,
        Column::Gap,
        Column::Ratio,
    ];

    /// The columns of the window's table and the text table (one subject,
    /// so no region columns), in the order of [`Column::ALL`].
    pub const SHOWN: [Column; 11] = [
        Column::Year,
        Column::Kind,
        Column::Population,
        Column::Cbr,
        Column::Births,
        Column::PregnantWomen,
        Column::Growth,
        Column::ProjectedPregnantWomen,
        Column::MidwivesNeeded,
        Column::MidwivesAvailable,
        Column::Gap,
    ];

    /// The shown columns, without the midwives available and the gap when
    /// the data has no midwives.
    pub fn shown(with_midwives: bool) -> impl Iterator<Item = Column> {
        Self::SHOWN
            .into_iter()
            .filter(move |c| with_midwives || !c.needs_midwives())
    }

    /// The key: the CSV header and the JSON field, English snake_case in
    /// both languages so any program (and the importer) can map it.
    pub const fn key(self) -> &'static str {
        match self {
            Column::RegionCode => "region_code",
            Column::RegionName => "region_name",
            Column::Year => "year",
            Column::Kind => "kind",
            Column::Population => "population",
            Column::Cbr => "cbr",
            Column::Births => "births",
            Column::PregnantWomen => "pregnant_women",
            Column::Growth => "growth",
            Column::ProjectedPregnantWomen => "projected_pregnant_women",
            Column::FitDifferencePercent => "fit_difference_percent",
            Column::MidwivesNeeded => "midwives_needed",
            Column::MidwivesAvailable => "midwives_available",
            Column::Gap => "gap",
            Column::Ratio => "ratio",
        }
    }

    /// The short heading of the window's table and the text table.
    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            Column::Year => lang.t(T::table_year),
            Column::Kind => lang.t(T::table_kind),
            Column::Births => lang.t(T::table_births),
            Column::Growth => "g",
            Column::Gap => lang.t(T::table_gap),
            _ => self.name(lang),
        }
    }

    /// The full name of the column, without its unit.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Column::RegionCode => lang.t(T::table_region_code),
            Column::RegionName => lang.t(T::table_region),
            Column::Year => lang.t(T::table_year),
            Column::Kind => lang.t(T::table_kind),
            Column::Population => lang.t(T::table_population),
            Column::Cbr => "CBR",
            Column::Births => lang.t(T::table_live_births),
            Column::PregnantWomen => lang.t(T::table_pregnant_women),
            Column::Growth => lang.t(T::table_growth_g),
            Column::ProjectedPregnantWomen => lang.t(T::table_projected_pregnant_women),
            Column::FitDifferencePercent => lang.t(T::table_projection_vs_data),
            Column::MidwivesNeeded => lang.t(T::table_midwives_needed),
            Column::MidwivesAvailable => lang.t(T::table_midwives_available),
            Column::Gap => lang.t(T::table_midwife_gap),
            Column::Ratio => lang.t(T::table_ratio_available_needed),
        }
    }

    /// The unit, if the column has one.
    pub fn unit(self, lang: Lang) -> Option<&'static str> {
        match self {
            Column::Cbr => Some(lang.t(T::table_per_1_000)),
            Column::FitDifferencePercent => Some("%"),
            Column::MidwivesNeeded | Column::MidwivesAvailable | Column::Gap => Some("FTE"),
            _ => None,
        }
    }

    /// The heading of the workbook's projection sheet: the name and unit.
    pub fn sheet_heading(self, lang: Lang) -> String {
        match self.unit(lang) {
            Some(unit) => format!("{} ({unit})", self.name(lang)),
            None => self.name(lang).to_string(),
        }
    }

    /// Whether the column is only shown when the data has midwives.
    pub fn needs_midwives(self) -> bool {
        matches!(
            self,
            Column::MidwivesAvailable | Column::Gap | Column::Ratio
        )
    }

    /// Whether the column holds labels (left-aligned in the text table).
    pub fn is_label(self) -> bool {
        matches!(
            self,
            Column::RegionCode | Column::RegionName | Column::Year | Column::Kind
        )
    }

    /// The number of a numeric column, as `precision` writes it; `None` for
    /// the label columns and for a value the row does not have.
    pub fn number(self, r: &YearRow, precision: Precision) -> Option<f64> {
        let value = self.value(r, precision)?;
        Some(match precision {
            Precision::Reading(rounding) if self != Column::Growth => {
                round_half_up(value, self.file_decimals(rounding) as i32)
            }
            _ => value,
        })
    }

    fn value(self, r: &YearRow, precision: Precision) -> Option<f64> {
        match self {
            Column::RegionCode | Column::RegionName | Column::Kind => None,
            Column::Year => Some(r.year as f64),
            Column::Population => r.population,
            Column::Cbr => r.cbr,
            Column::Births => r.births,
            Column::PregnantWomen => Some(r.pregnant_women),
            Column::Growth => r.growth.map(|g| precision.growth(g)),
            Column::ProjectedPregnantWomen => Some(r.projected_pregnant_women),
            Column::FitDifferencePercent => r.fit_difference_percent,
            Column::MidwivesNeeded => Some(r.midwives_needed),
            Column::MidwivesAvailable => r.midwives_available,
            Column::Gap => r.gap,
            Column::Ratio => r.ratio,
        }
    }

    /// Decimals shown in the window and the text table.
    pub fn decimals(self, rounding: Rounding) -> usize {
        match self {
            Column::Cbr | Column::FitDifferencePercent | Column::Ratio => 2,
            Column::Growth => match rounding {
                Rounding::Published => 3,
                Rounding::Exact => 4,
            },
            Column::MidwivesNeeded | Column::MidwivesAvailable | Column::Gap => 1,
            _ => 0,
        }
    }

    /// Decimals of a file written for reading: as the window, but midwives
    /// (FTE) to 2 decimals, so that a sum over regions stays close.
    pub fn file_decimals(self, rounding: Rounding) -> usize {
        match self {
            Column::MidwivesNeeded | Column::MidwivesAvailable | Column::Gap => 2,
            _ => self.decimals(rounding),
        }
    }

    /// The Excel number format of the projection sheet.
    pub fn sheet_format(self) -> &'static str {
        match self {
            Column::Year => "0",
            Column::Cbr | Column::FitDifferencePercent | Column::Ratio => "0.00",
            Column::Growth => "0.0000",
            Column::MidwivesNeeded | Column::MidwivesAvailable | Column::Gap => "#,##0.0",
            _ => "#,##0",
        }
    }

    /// A cell as the window and the text table show it (a dash when the
    /// row has no value). The region columns are not shown there.
    pub fn cell(self, r: &YearRow, f: Fmt) -> String {
        let lang = f.lang;
        match self {
            Column::RegionCode | Column::RegionName => String::new(),
            Column::Year => r.year.to_string(),
            Column::Kind => kind_text(r.kind, lang).to_string(),
            _ => match self.number(r, Precision::Full) {
                Some(v) => fmt_fixed(v, self.decimals(f.rounding), lang),
                None => "–".to_string(),
            },
        }
    }

    /// The value the window's table sorts by.
    pub fn sort_key(self, r: &YearRow) -> f64 {
        match self {
            Column::Kind => match r.kind {
                YearKind::Data => 0.0,
                YearKind::Projection => 1.0,
            },
            _ => self.number(r, Precision::Full).unwrap_or(f64::NEG_INFINITY),
        }
    }
}

/// The kind of a year as the window and the workbook show it.
pub fn kind_text(kind: YearKind, lang: Lang) -> &'static str {
    match kind {
        YearKind::Data => lang.t(T::table_data),
        YearKind::Projection => lang.t(T::table_projection),
    }
}

/// The kind of a year as files write it: `data` or `projection`.
pub fn kind_key(kind: YearKind) -> &'static str {
    match kind {
        YearKind::Data => "data",
        YearKind::Projection => "projection",
    }
}

/// Which rows of the region tree a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    /// The total, then every region.
    #[default]
    All,
    /// A region (its figures summed over the regions under it), then each
    /// region directly under it.
    Node(usize),
    /// Every region of a level, each summed over the regions under it.
    Level(Level),
}

impl Selection {
    /// The regions listed, each summed over its subtree.
    fn regions(self, data: &PreparedData) -> Option<Vec<usize>> {
        match self {
            Selection::All => None,
            Selection::Node(r) if r < data.regions() => Some(
                std::iter::once(r)
                    .chain(data.tree.children(r).iter().map(|&c| c as usize))
                    .collect(),
            ),
            Selection::Node(_) => Some(Vec::new()),
            Selection::Level(level) => Some(data.tree.at_level(level)),
        }
    }
}

/// Visits the rows of `selection` in order (see [`for_each_row`] for all of
/// them); a region's figures are those summed up the tree by `rule`.
pub fn for_each_selected_row<E>(
    data: &PreparedData,
    proj: &Projection,
    selection: Selection,
    rule: NeedSum,
    mut f: impl FnMut(&str, &str, &YearRow) -> Result<(), E>,
) -> Result<(), E> {
    let Some(regions) = selection.regions(data) else {
        return for_each_row(data, proj, f);
    };
    for r in regions {
        for row in node_rows(data, proj, Some(r), rule) {
            f(&data.codes[r], &data.names[r], &row)?;
        }
    }
    Ok(())
}

/// Number of rows of the table of `selection`.
pub fn selected_row_count(data: &PreparedData, proj: &Projection, selection: Selection) -> usize {
    match selection.regions(data) {
        None => row_count(data, proj),
        Some(regions) => regions.len() * proj.total.len(),
    }
}

/// Visits the rows of the table in order: the total (code `TOTAL` when
/// there are several regions), then every region when there are several.
/// Rows are made one at a time, so a national village table is never held
/// whole in memory.
pub fn for_each_row<E>(
    data: &PreparedData,
    proj: &Projection,
    mut f: impl FnMut(&str, &str, &YearRow) -> Result<(), E>,
) -> Result<(), E> {
    let several = data.regions() > 1;
    let (tc, tn) = if several {
        ("TOTAL", "Total")
    } else {
        (data.codes[0].as_str(), data.names[0].as_str())
    };
    for r in &proj.total {
        f(tc, tn, r)?;
    }
    if several {
        for reg in 0..data.regions() {
            for year in proj.years() {
                f(
                    &data.codes[reg],
                    &data.names[reg],
                    &proj.region_row(data, reg, year),
                )?;
            }
        }
    }
    Ok(())
}

/// Number of rows of the table.
pub fn row_count(data: &PreparedData, proj: &Projection) -> usize {
    let years = proj.total.len();
    if data.regions() > 1 {
        years * (data.regions() + 1)
    } else {
        years
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_columns_keep_the_order_of_the_files() {
        let positions: Vec<usize> = Column::SHOWN
            .iter()
            .map(|c| Column::ALL.iter().position(|a| a == c).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Column::shown(false).count(), 9);
        assert_eq!(Column::shown(true).count(), 11);
    }
}
