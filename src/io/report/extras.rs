//! The report's sections that appear only when the scenario uses them:
//! the workload of every activity (when a workload table other than the
//! paper's antenatal care alone is set up), and the supply of midwives
//! (when the scenario plans it).

use crate::i18n::T;
use crate::model::number::{fmt_fixed, fmt_percent, fmt_trim};
use crate::model::staffing::{ActivityPreset, AvailableChoice, Method, WorkloadSetup};
use crate::model::supply::Intake;
use crate::model::supply_outlook::outlook;
use crate::table::kind_text;

use super::layout::{BODY, GREY, Layout, SMALL};
use super::table::{Column, Table};
use super::{Report, ReportError};

/// Whether the workload set-up is more than the paper's antenatal care
/// alone with the scenario's working time (which the projection already
/// shows).
pub(super) fn workload_in_use(w: &WorkloadSetup) -> bool {
    w.edited
        || w.preset != Some(ActivityPreset::PaperAncOnly)
        || w.method != Method::Wisn
        || w.available != AvailableChoice::Scenario
}

fn method_name(m: Method) -> &'static str {
    match m {
        Method::Wisn => "WHO WISN",
        Method::Abk => "Kemenkes ABK-Kes",
    }
}

impl Layout<'_> {
    /// Every activity's share of the midwives needed in the set-up's year,
    /// the workload chart and the need by workload year by year.
    pub(super) fn workload(&mut self, r: &Report) -> Result<(), ReportError> {
        let lang = r.lang;
        let input = r.input;
        let setup = &input.scenario.workload;
        let heading = lang.tf(
            T::report_workload,
            &[("method", &method_name(setup.method))],
        );
        self.heading(&heading, 80.0);
        let by_year = match setup.staffing_by_year(&input.scenario.params, &r.rows, lang) {
            Ok(b) => b,
            Err(e) => {
                self.paragraph(&e.message(lang), BODY, 0.0);
                return Ok(());
            }
        };
        let year = setup.year.unwrap_or(input.proj.base_year);
        if let Some((_, s)) = by_year.iter().find(|(y, _)| *y == year) {
            let intro = lang.tf(
                T::report_workload_intro,
                &[
                    ("year", &year),
                    ("minutes", &fmt_trim(s.available_minutes, 2, lang)),
                ],
            );
            self.paragraph(&intro, BODY, 0.0);
            self.y += 4.0;
            let mut rows: Vec<Vec<String>> = s
                .activities
                .iter()
                .map(|a| {
                    vec![
                        a.name.clone(),
                        a.kind.label(lang).to_string(),
                        fmt_trim(a.minutes_per_unit, 2, lang),
                        fmt_fixed(a.units_per_year, 0, lang),
                        fmt_fixed(a.contribution, 2, lang),
                    ]
                })
                .collect();
            rows.push(vec![
                lang.t(T::workload_panel_midwives_required).to_string(),
                String::new(),
                String::new(),
                String::new(),
                fmt_fixed(s.required, 2, lang),
            ]);
            let table = Table {
                columns: vec![
                    Column::text(lang.t(T::workload_panel_activity)),
                    Column::left(lang.t(T::workload_panel_kind)),
                    Column::right(lang.t(T::workload_panel_minutes_per_unit)),
                    Column::right(lang.t(T::workload_panel_units_a_year)),
                    Column::right(lang.t(T::report_workload_contribution)),
                ],
                rows,
                style: SMALL,
            };
            self.table(&table);
        }
        let subject = r.subject.as_str();
        let spec = crate::chart::workload_chart(
            &by_year,
            subject,
            &input.scenario.name,
            &input.date,
            lang,
        );
        self.y += 6.0;
        self.chart(&spec)?;
        self.paragraph(lang.t(T::report_workload_years), BODY.bold(), 0.0);
        let rows = by_year
            .iter()
            .map(|(y, s)| {
                vec![
                    y.to_string(),
                    fmt_fixed(s.required, 2, lang),
                    fmt_fixed(s.required_rounded, 0, lang),
                    s.difference.map_or("–".into(), |d| fmt_fixed(d, 2, lang)),
                ]
            })
            .collect();
        let table = Table {
            columns: vec![
                Column::left(lang.t(T::table_year)),
                Column::right(lang.t(T::workload_panel_midwives_required)),
                Column::right(lang.t(T::workload_panel_rounded)),
                Column::right(lang.t(T::workload_panel_difference_in_post_required)),
            ],
            rows,
            style: SMALL,
        };
        self.table(&table);
        Ok(())
    }

    /// Midwives available year by year as a stock and flow, beside the need.
    pub(super) fn supply(&mut self, r: &Report) {
        let lang = r.lang;
        let input = r.input;
        let Some(p) = &input.scenario.supply else {
            return;
        };
        self.heading(lang.t(T::report_supply), 80.0);
        let horizon = input.proj.horizon_year;
        let region = input.region.filter(|&x| x < input.data.regions());
        // The supply as the window's Pasokan tab and `supply` compute it.
        // The report shows the year table; the goal seek stays in the window.
        let plain = crate::model::supply::SupplyParams {
            close_by: None,
            ..p.clone()
        };
        let rule = input.scenario.params.need_sum;
        let supply = match outlook(&plain, input.data, input.proj, region, rule, None) {
            Ok(o) => o.supply,
            Err(e) => {
                self.paragraph(&e.message(lang), BODY, 0.0);
                return;
            }
        };
        let f = |x: f64| fmt_fixed(x, 2, lang);
        let intake = match p.intake {
            Intake::Number(n) => f(n),
            Intake::Graduates {
                graduates,
                absorbed_percent,
            } => lang.tf(
                T::supply_graduates,
                &[
                    ("graduates", &fmt_fixed(graduates, 0, lang)),
                    ("absorbed", &fmt_percent(absorbed_percent / 100.0, 1, lang)),
                    ("intake", &f(p.intake.per_year())),
                ],
            ),
        };
        let assumptions = lang.tf(
            T::supply_assumptions,
            &[
                (
                    "attrition",
                    &fmt_percent(p.attrition_percent / 100.0, 2, lang),
                ),
                ("intake", &intake),
            ],
        );
        self.paragraph(&format!("{assumptions}."), BODY, 0.0);
        self.y += 4.0;
        let table = Table {
            columns: vec![
                Column::left(lang.t(T::table_year)),
                Column::left(lang.t(T::table_kind)),
                Column::right(lang.t(T::supply_col_start)),
                Column::right(lang.t(T::supply_col_leaving)),
                Column::right(lang.t(T::supply_col_new)),
                Column::right(lang.t(T::supply_col_transfers)),
                Column::right(lang.t(T::supply_col_available)),
                Column::right(lang.t(T::supply_col_needed)),
                Column::right(lang.t(T::supply_col_gap)),
            ],
            rows: supply
                .years
                .iter()
                .map(|y| {
                    let kind = if y.from_data {
                        crate::model::YearKind::Data
                    } else {
                        crate::model::YearKind::Projection
                    };
                    vec![
                        y.year.to_string(),
                        kind_text(kind, lang).to_string(),
                        y.start.map_or("–".into(), f),
                        f(y.attrition),
                        f(y.intake),
                        f(y.transfers),
                        f(y.stock),
                        f(y.need),
                        f(y.gap),
                    ]
                })
                .collect(),
            style: SMALL,
        };
        self.table(&table);
        let closes = match supply.closes_in() {
            Some(y) => lang.tf(T::supply_closes_in, &[("year", &y)]),
            None => lang.tf(T::supply_not_closed, &[("year", &horizon)]),
        };
        self.paragraph(&closes, BODY.color(GREY), 0.0);
    }
}
