//! The report's ranking of regions, when it reports on the total of several:
//! the regions shortest of midwives first in the last data year (by need
//! when the data give no midwives in post), the first of them in a table,
//! and how many are short and by how much in all.

use crate::chart::map::map_spec;
use crate::i18n::T;
use crate::io::export::map::render_map_svg;
use crate::model::number::fmt_fixed;
use crate::model::ranking::{Ranking, rank};

use super::layout::{BODY, GREY, Layout, SMALL};
use super::table::{Column, Table};
use super::{Report, ReportError};

/// The province map is drawn at this size in pixels, then scaled to the
/// page width.
const MAP_DRAWN: (u32, u32) = (840, 520);

/// Regions listed in the report's ranking table.
pub(super) const REPORT_REGIONS: usize = 30;

impl Layout<'_> {
    /// The ranking section; nothing for a single region or a chosen one.
    /// When regions of the data are provinces, the map of the same year
    /// follows the table.
    pub(super) fn ranking(&mut self, r: &Report) -> Result<(), ReportError> {
        let lang = r.lang;
        let (data, proj) = (r.input.data, r.input.proj);
        let chosen = r.input.region.filter(|&x| x < data.regions());
        if data.regions() < 2 || chosen.is_some() {
            return Ok(());
        }
        let year = proj.last_data_year;
        let ranking = rank(data, proj, year);
        self.heading(&lang.tf(T::rank_title, &[("year", &year)]), 80.0);
        let summary = if ranking.by_gap {
            lang.tf(
                T::rank_shortfall,
                &[
                    ("short", &ranking.short_regions),
                    ("regions", &data.regions()),
                    ("shortfall", &fmt_fixed(ranking.total_shortfall, 2, lang)),
                ],
            )
        } else {
            lang.t(T::rank_needs_midwives).to_string()
        };
        self.paragraph(&summary, BODY, 0.0);
        self.y += 4.0;
        let opt = |x: Option<f64>| x.map_or("–".to_string(), |v| fmt_fixed(v, 2, lang));
        let table = Table {
            columns: vec![
                Column::right("#"),
                Column::left(lang.t(T::table_region)),
                Column::right(lang.t(T::supply_col_needed)),
                Column::right(lang.t(T::supply_col_available)),
                Column::right(lang.t(T::supply_col_gap)),
                Column::right(lang.t(T::rank_col_ratio)),
                Column::right(lang.t(T::rank_col_per_1000)),
            ],
            rows: ranking
                .rows
                .iter()
                .take(REPORT_REGIONS)
                .enumerate()
                .map(|(i, row)| {
                    vec![
                        (i + 1).to_string(),
                        data.label(row.region).to_string(),
                        fmt_fixed(row.need, 2, lang),
                        opt(row.available),
                        opt(row.gap),
                        opt(row.ratio),
                        fmt_fixed(row.need_per_1000_women, 2, lang),
                    ]
                })
                .collect(),
            style: SMALL,
        };
        self.table(&table);
        if ranking.rows.len() > REPORT_REGIONS {
            self.paragraph(
                &lang.tf(
                    T::report_ranking_first,
                    &[("shown", &REPORT_REGIONS), ("regions", &ranking.rows.len())],
                ),
                BODY.color(GREY),
                0.0,
            );
        }
        self.province_map(r, &ranking)
    }

    /// The province map of the ranking's year, when any region of the data
    /// is a province (the regions that are not are named under its title).
    fn province_map(&mut self, r: &Report, ranking: &Ranking) -> Result<(), ReportError> {
        let Ok(map) = crate::io::geo::bundled_map() else {
            return Ok(());
        };
        let lang = r.lang;
        let footer = lang.tf(T::map_credit, &[("credit", &crate::io::geo::CREDIT)]);
        let spec = map_spec(map, r.input.data, ranking, footer, lang);
        if spec.figures.iter().all(Option::is_none) {
            return Ok(());
        }
        let svg =
            render_map_svg(map, &spec, MAP_DRAWN.0, MAP_DRAWN.1).map_err(ReportError::Chart)?;
        self.y += 6.0;
        self.picture(super::chart::svg_picture(&svg)?);
        Ok(())
    }
}
