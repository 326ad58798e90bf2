//! The working of the growth methods beside the paper's mean: the
//! log-linear trend, the median of the annual rates and the population
//! route, each with its formula and the numbers put in.

use crate::i18n::T;
use crate::model::data::PreparedData;
use crate::model::growth;
use crate::model::number::{fmt_auto, fmt_fixed, fmt_trim};
use crate::model::params::{CbrTrend, GrowthMethod, Parameters, PopulationGrowth};
use crate::model::population_route::PopulationRoute;
use crate::model::projection::Projection;

use super::{Fmt, Step, step};

/// The region the method steps explain: the subject region, or the only
/// region; `None` for the total of several regions.
pub(super) fn method_steps(
    params: &Parameters,
    data: &PreparedData,
    proj: &Projection,
    region: Option<usize>,
    label: &str,
    f: Fmt,
) -> Vec<Step> {
    let lang = f.lang;
    let method = proj.growth_method;
    if !matches!(
        method,
        GrowthMethod::Trend | GrowthMethod::Median | GrowthMethod::Population
    ) {
        return Vec::new();
    }
    let (y0, y1) = proj.growth_years;
    let Some(r) = region else {
        return vec![step(
            "growth_method",
            lang.tf(T::explain_several_title, &[("label", &label)]),
            method.label(lang).to_string(),
            lang.tf(T::explain_several_note, &[("method", &method.label(lang))]),
            String::new(),
        )];
    };
    let years = data.years;
    let k0 = (y0 - proj.first_year) as usize;
    let k1 = (y1 - proj.first_year) as usize;
    let values = &proj.pregnant[r * years + k0..=r * years + k1];
    let span = [("first", &y0 as &dyn std::fmt::Display), ("last", &y1)];
    match method {
        GrowthMethod::Trend => vec![trend_step(values, y0, label, f, &span)],
        GrowthMethod::Median => vec![median_step(values, label, f, &span)],
        GrowthMethod::Population => match proj.routes.get(r) {
            Some(route) => route_steps(params, proj, route, label, f),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Least squares through (t, ln v): the working of the slope.
fn slope_working(values: &[f64], first_year: i32, lang: crate::model::Lang) -> (String, f64) {
    let n = values.len() as f64;
    let t_mean = (n - 1.0) / 2.0;
    let logs: Vec<f64> = values.iter().map(|v| v.ln()).collect();
    let y_mean = logs.iter().sum::<f64>() / n;
    let (mut num, mut den) = (0.0, 0.0);
    for (i, y) in logs.iter().enumerate() {
        let dt = i as f64 - t_mean;
        num += dt * (y - y_mean);
        den += dt * dt;
    }
    let b = if den > 0.0 { num / den } else { 0.0 };
    let points = logs
        .iter()
        .enumerate()
        .map(|(i, y)| format!("{}: {}", first_year + i as i32, fmt_fixed(*y, 6, lang)))
        .collect::<Vec<_>>()
        .join("; ");
    (
        format!(
            "ln: {points}; t̄ = {}; b = Σ(t − t̄)(ln − ln̄) / Σ(t − t̄)² = {} / {} = {}",
            fmt_trim(t_mean, 2, lang),
            fmt_fixed(num, 6, lang),
            fmt_trim(den, 2, lang),
            fmt_auto(b, lang)
        ),
        b,
    )
}

fn trend_step(
    values: &[f64],
    first_year: i32,
    label: &str,
    f: Fmt,
    span: &[(&str, &dyn std::fmt::Display)],
) -> Step {
    let lang = f.lang;
    let working = if values.iter().all(|v| *v > 0.0) && values.len() > 1 {
        let (text, b) = slope_working(values, first_year, lang);
        format!(
            "{text}; g = e^{} − 1 = {}",
            fmt_auto(b, lang),
            f.growth(b.exp() - 1.0)
        )
    } else {
        format!("g = {}", f.growth(growth::trend(values).unwrap_or(0.0)))
    };
    step(
        "growth_trend",
        lang.tf(T::explain_trend_title, &[("label", &label)]),
        lang.tf(T::explain_trend_formula, span),
        working,
        String::new(),
    )
}

fn median_step(
    values: &[f64],
    label: &str,
    f: Fmt,
    span: &[(&str, &dyn std::fmt::Display)],
) -> Step {
    let lang = f.lang;
    let mut rates = growth::annual_rates(values).unwrap_or_default();
    rates.sort_by(f64::total_cmp);
    let sorted = rates
        .iter()
        .map(|g| f.growth(*g))
        .collect::<Vec<_>>()
        .join("; ");
    let n = rates.len();
    let middle = if n == 0 {
        "0".to_string()
    } else if n % 2 == 1 {
        f.growth(rates[n / 2])
    } else {
        format!(
            "({} + {}) / 2 = {}",
            f.growth(rates[n / 2 - 1]),
            f.growth(rates[n / 2]),
            f.growth(growth::median(&rates))
        )
    };
    step(
        "growth_median",
        lang.tf(T::explain_median_title, &[("label", &label)]),
        lang.tf(T::explain_median_formula, span),
        format!("{sorted} → {middle}"),
        String::new(),
    )
}

fn route_steps(
    params: &Parameters,
    proj: &Projection,
    route: &PopulationRoute,
    label: &str,
    f: Fmt,
) -> Vec<Step> {
    let lang = f.lang;
    let (y0, y1) = proj.growth_years;
    let span = [("first", &y0 as &dyn std::fmt::Display), ("last", &y1)];
    let mut steps = Vec::new();
    // The population's own growth.
    let rates = route
        .population_rates
        .iter()
        .enumerate()
        .map(|(i, g)| {
            format!(
                "({} − {}) / {} = {}",
                fmt_fixed(route.populations[i + 1], 0, lang),
                fmt_fixed(route.populations[i], 0, lang),
                fmt_fixed(route.populations[i], 0, lang),
                f.growth(*g)
            )
        })
        .collect::<Vec<_>>();
    let n_pop = route.populations.len();
    let (formula, pop_working) = match route.population_method {
        _ if rates.is_empty() => (
            lang.tf(T::explain_pop_growth_formula, &span),
            format!("g_pop = {}", f.growth(0.0)),
        ),
        PopulationGrowth::Mean => (
            lang.tf(T::explain_pop_growth_formula, &span),
            format!(
                "{}; ({}) / {} = {}",
                rates.join("; "),
                route
                    .population_rates
                    .iter()
                    .map(|g| f.growth(*g))
                    .collect::<Vec<_>>()
                    .join(" + "),
                rates.len(),
                f.growth(route.population_growth)
            ),
        ),
        PopulationGrowth::Compound => (
            lang.tf(T::explain_pop_growth_formula_compound, &span),
            format!(
                "({} / {})^(1/{}) − 1 = {}",
                fmt_fixed(route.populations[n_pop - 1], 0, lang),
                fmt_fixed(route.populations[0], 0, lang),
                n_pop - 1,
                f.growth(route.population_growth)
            ),
        ),
        PopulationGrowth::Trend => {
            let (text, b) = slope_working(&route.populations, route.first_year, lang);
            (
                lang.tf(T::explain_pop_growth_formula_trend, &span),
                format!(
                    "{text}; g_pop = e^{} − 1 = {}",
                    fmt_auto(b, lang),
                    f.growth(route.population_growth)
                ),
            )
        }
    };
    steps.push(step(
        "population_growth",
        lang.tf(T::explain_pop_growth_title, &[("label", &label)]),
        formula,
        pop_working,
        String::new(),
    ));
    // The CBR of each growth year and the one the route uses.
    let cbrs = route
        .cbrs
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}: {}", route.first_year + i as i32, f.cbr(*c)))
        .collect::<Vec<_>>()
        .join("; ");
    let (formula, used) = match route.cbr_trend {
        CbrTrend::HoldMean => (
            lang.tf(T::explain_cbr_formula_hold_mean, &span),
            format!(
                "({}) / {} = {}",
                route
                    .cbrs
                    .iter()
                    .map(|c| f.cbr(*c))
                    .collect::<Vec<_>>()
                    .join(" + "),
                route.cbrs.len(),
                f.cbr(route.base_cbr)
            ),
        ),
        CbrTrend::HoldLatest => (
            lang.tf(T::explain_cbr_formula_hold_latest, &span),
            f.cbr(route.base_cbr),
        ),
        CbrTrend::Trend => (
            lang.tf(T::explain_cbr_formula_trend, &span),
            format!(
                "g_CBR = {}; CBR {} = {}",
                f.growth(route.cbr_growth),
                proj.base_year,
                f.cbr(route.base_cbr)
            ),
        ),
    };
    steps.push(step(
        "cbr_used",
        lang.tf(T::explain_cbr_title, &[("label", &label)]),
        formula,
        format!("{cbrs} → {used}"),
        String::new(),
    ));
    // Pregnant women in the horizon year.
    let base = proj.base_year;
    let n = proj.horizon_year - base;
    let population = route.base_population * (1.0 + route.population_growth).powi(n);
    let cbr = route.base_cbr * (1.0 + route.cbr_growth).powi(n);
    let coef = params.population.coefficient;
    let pregnant = coef * cbr * population / 1000.0;
    let thousand = fmt_fixed(1000.0, 0, lang);
    steps.push(step(
        "population_route",
        lang.tf(
            T::explain_route_title,
            &[("year", &proj.horizon_year), ("label", &label)],
        ),
        lang.tf(T::explain_route_formula, &[("base", &base)]),
        format!(
            "n = {n}; {} × (1 + {})^{n} = {}; {} × (1 + ({}))^{n} = {}; {} × {} × {} / {thousand} = {}",
            fmt_fixed(route.base_population, 0, lang),
            fmt_auto(route.population_growth, lang),
            f.people(population),
            f.cbr(route.base_cbr),
            fmt_auto(route.cbr_growth, lang),
            f.cbr(cbr),
            f.num(coef),
            f.cbr(cbr),
            f.people(population),
            f.people(pregnant)
        ),
        lang.tf(
            T::explain_route_growth_note,
            &[
                ("p0", &f.people(route.base_pregnant)),
                ("q", &fmt_trim(1.0 + route.growth, 7, lang)),
            ],
        ),
    ));
    steps
}
