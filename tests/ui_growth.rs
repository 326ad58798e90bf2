//! The growth choices of the window: the years the growth is estimated
//! from, and the population route's CBR and population growth.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::{CbrTrend, GrowthMethod, PopulationGrowth, Scenario, YearSpan};

mod common;
use common::{App, ScriptedDialogs, app_on};

fn settle(h: &mut App) {
    h.run_steps(4);
}

fn choose(h: &mut App, combo: &str, entry: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    settle(h);
    h.get_by_label(entry).click();
    settle(h);
}

#[test]
fn the_population_route_offers_its_cbr_and_population_choices() {
    let mut h = app_on(Scenario::example(), ScriptedDialogs::default());
    // Only under the population route.
    assert!(h.query_by_label("CBR ke depan").is_none());
    choose(
        &mut h,
        "Metode pertumbuhan",
        "Jalur penduduk (penduduk × CBR)",
    );
    assert_eq!(
        h.get_by_role_and_label(Role::ComboBox, "CBR ke depan")
            .value()
            .as_deref(),
        Some("tetap pada rata-ratanya")
    );
    choose(&mut h, "CBR ke depan", "mengikuti trennya");
    choose(&mut h, "Pertumbuhan penduduk", "majemuk");
    let pop = &h.state().doc.state.params.population;
    assert_eq!(pop.growth_method, GrowthMethod::Population);
    assert_eq!(pop.cbr_trend, CbrTrend::Trend);
    assert_eq!(pop.population_growth, PopulationGrowth::Compound);
}

#[test]
fn the_growth_years_can_leave_a_year_out() {
    let mut h = app_on(Scenario::example(), ScriptedDialogs::default());
    assert_eq!(h.state().doc.state.params.population.growth_years, None);
    h.get_by_role_and_label(Role::CheckBox, "semua tahun data")
        .click();
    settle(&mut h);
    assert_eq!(
        h.state().doc.state.params.population.growth_years,
        Some(YearSpan {
            first: 2017,
            last: 2020
        })
    );
    // The span's ends are there to edit, and the box brings every year back.
    assert!(h.query_by_label("dari").is_some());
    assert!(h.query_by_label("sampai").is_some());
    h.get_by_role_and_label(Role::CheckBox, "semua tahun data")
        .click();
    settle(&mut h);
    assert_eq!(h.state().doc.state.params.population.growth_years, None);
}
