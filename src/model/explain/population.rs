//! The working of the population side: births, pregnant women, their
//! growth, the projection and the midwives needed, for the total or one
//! region.

use crate::i18n::T;
use crate::model::Lang;
use crate::model::data::PreparedData;
use crate::model::number::{fmt_auto, fmt_fixed, fmt_trim};
use crate::model::params::NeedSum;
use crate::model::params::{GrowthMethod, Parameters, Rounding};
use crate::model::projection::{Projection, YearKind, YearRow};
use crate::model::tree_sum::node_rows;

use super::{Fmt, Step, Subject, step, t};

/// The series the population steps explain: the total or one region.
pub(super) struct Series {
    rows: Vec<YearRow>,
    growth_used: f64,
    mean_growth: f64,
    label: String,
    /// The total of several regions: its projection is the sum of theirs.
    several: bool,
    /// Under the population route: P̂_0, the base year's pregnant women
    /// from the population and the CBR the route uses.
    route_p0: Option<f64>,
}

impl Series {
    pub(super) fn new(
        data: &PreparedData,
        proj: &Projection,
        subject: Subject,
        lang: Lang,
    ) -> Self {
        let (rows, growth_used, mean_growth, label): (Vec<YearRow>, f64, f64, String) =
            match subject {
                Subject::Region(r) if r < data.regions() => (
                    proj.region_rows(data, r),
                    proj.growth_used[r],
                    proj.mean_growth[r],
                    data.label(r).to_string(),
                ),
                _ => (
                    proj.total.clone(),
                    proj.total_growth_used,
                    proj.total_mean_growth,
                    if data.regions() == 1 {
                        data.label(0).to_string()
                    } else {
                        t(lang, T::population_all_regions)
                    },
                ),
            };
        let parent = match subject {
            Subject::Region(r) if r < data.regions() && !data.tree.is_leaf(r) => Some(r),
            _ => None,
        };
        let (rows, growth_used, mean_growth) = match parent {
            // A region with regions under it: the sum of its leaves.
            Some(r) => {
                let rows = node_rows(data, proj, Some(r), NeedSum::Fte);
                let (g0, g1) = proj.growth_years;
                let rates: Vec<f64> = rows
                    .iter()
                    .filter(|row| row.year > g0 && row.year <= g1)
                    .filter_map(|row| row.growth)
                    .collect();
                let mean = if rates.is_empty() {
                    0.0
                } else {
                    rates.iter().sum::<f64>() / rates.len() as f64
                };
                (rows, mean, mean)
            }
            None => (rows, growth_used, mean_growth),
        };
        let several = (data.regions() > 1 && matches!(subject, Subject::Total)) || parent.is_some();
        let region = match subject {
            _ if parent.is_some() => None,
            Subject::Region(r) if r < data.regions() => Some(r),
            _ if !several => Some(0),
            _ => None,
        };
        let route_p0 = region
            .and_then(|r| proj.routes.get(r))
            .map(|route| route.base_pregnant);
        Series {
            route_p0,
            rows,
            growth_used,
            mean_growth,
            label,
            several,
        }
    }

    fn data_rows(&self) -> Vec<&YearRow> {
        self.rows
            .iter()
            .filter(|r| r.kind == YearKind::Data)
            .collect()
    }

    pub(super) fn label(&self) -> &str {
        &self.label
    }

    /// P_0: pregnant women in the base year (under the population route,
    /// the route's P̂_0).
    fn base_pregnant(&self, base: i32) -> f64 {
        if let Some(p0) = self.route_p0 {
            return p0;
        }
        self.rows
            .iter()
            .find(|r| r.year == base)
            .map(|r| r.pregnant_women)
            .unwrap_or(0.0)
    }
}

/// Live births of each data year, and the pregnant women from them.
pub(super) fn births_steps(params: &Parameters, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let (rows, label, several) = (&series.rows, &series.label, series.several);
    let mut steps = Vec::new();
    let coef = params.population.coefficient;
    for row in rows.iter().filter(|r| r.kind == YearKind::Data) {
        if let (Some(pop), Some(cbr), Some(b)) = (row.population, row.cbr, row.births) {
            steps.push(step(
                "births",
                format!(
                    "{} {} ({label})",
                    t(lang, T::population_estimated_live_births),
                    row.year
                ),
                t(lang, T::population_births_cbr_population_1_000),
                format!(
                    "{} × {} / 1.000 = {}",
                    f.cbr(cbr),
                    fmt_fixed(pop, 0, lang),
                    f.people(b)
                )
                .replace("1.000", if lang == Lang::Id { "1.000" } else { "1,000" }),
                String::new(),
            ));
            if !several {
                steps.push(step(
                    "pregnant_women",
                    format!(
                        "{} {} ({label})",
                        t(lang, T::population_estimated_pregnant_women),
                        row.year
                    ),
                    t(lang, T::population_pregnant_women_coefficient_births),
                    format!(
                        "{} × {} = {}",
                        f.num(coef),
                        f.people(b),
                        f.people(row.pregnant_women)
                    ),
                    String::new(),
                ));
            }
        }
    }
    steps
}

/// The growth of pregnant women from year to year, and its mean.
pub(super) fn growth_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let (growth_used, mean_growth, label) = (series.growth_used, series.mean_growth, &series.label);
    let data_rows = series.data_rows();
    let mut steps = Vec::new();
    let mut growth_terms = Vec::new();
    for pair in data_rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if let Some(g) = b.growth {
            let (gy0, gy1) = proj.growth_years;
            if b.year > gy0 && b.year <= gy1 {
                growth_terms.push(g);
            }
            steps.push(step(
                "growth",
                format!(
                    "{} {} ({label})",
                    t(lang, T::population_growth_of_pregnant_women),
                    b.year
                ),
                t(lang, T::population_g_p_n_p_n),
                format!(
                    "({} − {}) / {} = {}",
                    f.people(b.pregnant_women),
                    f.people(a.pregnant_women),
                    f.people(a.pregnant_women),
                    f.growth(g)
                ),
                String::new(),
            ));
        }
    }
    let method = proj.growth_method;
    let (gy0, gy1) = proj.growth_years;
    let all_years = data_rows.first().is_some_and(|r| r.year == gy0)
        && data_rows.last().is_some_and(|r| r.year == gy1);
    let mean_working = if growth_terms.is_empty() {
        t(lang, T::population_one_data_year_only_growth)
    } else {
        format!(
            "({}) / {} = {}",
            growth_terms
                .iter()
                .map(|g| f.growth(*g))
                .collect::<Vec<_>>()
                .join(" + "),
            growth_terms.len(),
            f.growth(mean_growth)
        )
    };
    steps.push(step(
        "mean_growth",
        if all_years {
            format!(
                "{} ({label})",
                t(lang, T::population_mean_growth_of_pregnant_women)
            )
        } else {
            format!(
                "{} ({label}; {})",
                t(lang, T::population_mean_growth_of_pregnant_women),
                lang.tf(T::growth_years_span, &[("first", &gy0), ("last", &gy1)])
            )
        },
        t(lang, T::population_mean_g_g_number_of),
        mean_working,
        match method {
            GrowthMethod::MeanAnnual if published => format!(
                "{} {}",
                t(lang, T::population_the_projection_uses_the_unrounded),
                fmt_auto(growth_used, lang)
            ),
            GrowthMethod::MeanAnnual => String::new(),
            GrowthMethod::Compound => format!(
                "{} {}",
                t(lang, T::population_compound_method_the_projection_uses),
                fmt_auto(growth_used, lang)
            ),
            GrowthMethod::Fixed => format!(
                "{} {}",
                t(lang, T::population_growth_set_by_the_planner),
                fmt_auto(growth_used, lang)
            ),
            other => lang.tf(
                T::growth_used_note,
                &[
                    ("method", &other.label(lang)),
                    ("g", &fmt_auto(growth_used, lang)),
                ],
            ),
        },
    ));
    steps
}

/// The projection of pregnant women: the last data year (fit check) and the
/// horizon.
pub(super) fn projection_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let (rows, growth_used, label, several) = (
        &series.rows,
        series.growth_used,
        &series.label,
        series.several,
    );
    let data_rows = series.data_rows();
    let base = proj.base_year;
    let p0 = series.base_pregnant(base);
    let mut steps = Vec::new();
    let mut shown = Vec::new();
    if let Some(last) = data_rows.last().filter(|l| l.year != base) {
        shown.push(*last);
    }
    if let Some(h) = rows.iter().find(|r| r.year == proj.horizon_year)
        && !shown.iter().any(|s| s.year == h.year)
        && h.year != base
    {
        shown.push(h);
    }
    for row in shown {
        let n = row.year - base;
        let working = if several {
            format!(
                "Σ {} = {}",
                t(lang, T::population_projections_of_the_regions),
                f.people(row.projected_pregnant_women)
            )
        } else {
            format!(
                "{} × (1 + ({}))^{} = {} × {} = {}",
                f.people(p0),
                fmt_auto(growth_used, lang),
                n,
                f.people(p0),
                fmt_trim((1.0 + growth_used).powi(n), 6, lang),
                f.people(row.projected_pregnant_women)
            )
        };
        let note = match row.fit_difference_percent {
            Some(d) => format!(
                "{} {}% ({}: {})",
                t(lang, T::population_difference_from_the_data),
                fmt_trim(d, 4, lang),
                t(lang, T::population_data),
                f.people(row.pregnant_women)
            ),
            None => String::new(),
        };
        steps.push(step(
            "projection",
            format!(
                "{} {} ({label})",
                t(lang, T::population_projected_pregnant_women),
                row.year
            ),
            format!("P_n = P_{base} × (1 + g)^n, n = {} − {base}", row.year),
            working,
            note,
        ));
    }
    steps
}

/// Midwives needed in the horizon year, and the gap with those in post.
pub(super) fn need_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let cap = &proj.capacity;
    let (rows, label) = (&series.rows, &series.label);
    let mut steps = Vec::new();
    if let Some(h) = rows.iter().find(|r| r.year == proj.horizon_year) {
        let mut working = format!(
            "{} × {} = {} {}",
            f.share(cap.share),
            f.people(h.pregnant_women),
            f.fte(h.midwives_needed),
            t(lang, T::population_midwives_fte)
        );
        if let (Some(a), Some(gap)) = (h.midwives_available, h.gap) {
            working.push_str(&format!(
                "; {}: {} − {} = {}",
                t(lang, T::population_gap),
                f.fte(a),
                f.fte(h.midwives_needed),
                f.fte(gap)
            ));
        }
        steps.push(step(
            "midwives_needed",
            format!(
                "{} {} ({label})",
                t(lang, T::population_midwives_needed_for_antenatal_care),
                h.year
            ),
            t(lang, T::population_midwives_needed_share_pregnant_women),
            working,
            String::new(),
        ));
    }
    steps
}

/// The model in one line (not for the total of several regions).
pub(super) fn model_steps(proj: &Projection, series: &Series, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let cap = &proj.capacity;
    let base = proj.base_year;
    let p0 = series.base_pregnant(base);
    let mut steps = Vec::new();
    if !series.several {
        steps.push(step(
            "model",
            t(lang, T::population_projection_model),
            t(lang, T::population_midwives_needed_n_share_p),
            format!(
                "{} × [{} × (1 + ({}))^n], n = {} − {base}",
                f.share(cap.share),
                f.people(p0),
                f.growth(series.growth_used),
                t(lang, T::population_year),
            ),
            t(lang, T::population_the_paper_s_abstract_prints),
        ));
    }
    steps
}
