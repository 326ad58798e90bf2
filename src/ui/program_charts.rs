//! The Program tab's two charts: the delivery indicators by year beside
//! their targets, and each facility's mentoring score over its visits.

use egui::Ui;
use egui_plot::{GridMark, Legend, Line, Plot, Points};

use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::fmt_trim;
use crate::model::programs::{Date, Indicators, Mentoring};

/// A line of a chart: its name and points (x, y in %).
pub type Series = (String, Vec<[f64; 2]>);

/// The indicators' series: the two shares by year (in %) and, where set,
/// their targets as flat lines over the same years.
pub fn indicator_series(ind: &Indicators, lang: Lang) -> Vec<Series> {
    let years = ind.sorted();
    let share = |f: fn(&crate::model::programs::IndicatorYear) -> Option<f64>| {
        years
            .iter()
            .filter_map(|y| Some([f64::from(y.year), f(y)? * 100.0]))
            .collect::<Vec<_>>()
    };
    let mut out = vec![
        (
            lang.t(T::programs_col_assisted_share).to_string(),
            share(|y| y.assisted_share()),
        ),
        (
            lang.t(T::programs_col_facility_share).to_string(),
            share(|y| y.facility_share()),
        ),
    ];
    let (first, last) = match (years.first(), years.last()) {
        (Some(a), Some(b)) => (f64::from(a.year), f64::from(b.year)),
        _ => return out,
    };
    for (target, name) in [
        (ind.target_assisted, T::programs_col_target_assisted),
        (ind.target_facility, T::programs_col_target_facility),
    ] {
        if let Some(t) = target {
            out.push((
                lang.t(name).to_string(),
                vec![[first, t * 100.0], [last, t * 100.0]],
            ));
        }
    }
    out
}

/// Each facility's total score (in %) at its visits done, x in days.
pub fn trend_series(m: &Mentoring) -> Vec<Series> {
    (0..m.facilities.len())
        .filter_map(|f| {
            let points: Vec<[f64; 2]> = m
                .trend(f)
                .into_iter()
                .map(|(d, s)| [f64::from(d.days()), s * 100.0])
                .collect();
            (!points.is_empty()).then(|| (m.facilities[f].name.clone(), points))
        })
        .collect()
}

/// A line chart of `series` in %, x as years or as dates.
pub fn percent_chart(ui: &mut Ui, id: &str, series: &[Series], x_is_date: bool, lang: Lang) {
    if series.iter().all(|(_, p)| p.is_empty()) {
        return;
    }
    Plot::new(id)
        .height(220.0)
        .include_y(0.0)
        .include_y(100.0)
        .allow_scroll(false)
        .legend(Legend::default())
        .x_axis_formatter(move |mark: GridMark, _r: &std::ops::RangeInclusive<f64>| {
            if x_is_date {
                Date::from_days(mark.value.round() as i32).to_string()
            } else if (mark.value - mark.value.round()).abs() < 1e-6 {
                (mark.value.round() as i64).to_string()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark: GridMark, _r: &std::ops::RangeInclusive<f64>| {
            format!("{}%", fmt_trim(mark.value, 0, lang))
        })
        .show(ui, |p| {
            for (name, points) in series {
                p.line(Line::new(name.as_str(), points.clone()).width(2.0));
                p.points(Points::new(name.as_str(), points.clone()).radius(3.5));
            }
        });
}
