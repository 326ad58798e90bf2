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

#[test]
fn a_suspect_data_year_is_marked_in_the_table_with_its_reason() {
    // One odd year: the crude birth rate of 2019 jumps from 18,2 to 25.
    let mut s = Scenario::example();
    let row = s.data.iter_mut().find(|r| r.year == 2019).unwrap();
    row.cbr = Some(25.0).into();
    let mut h = app_on(s, ScriptedDialogs::default());
    // The chart rings the suspect years, named in the legend of each panel.
    assert_eq!(h.query_all_by_label("Tahun data yang diragukan").count(), 2);
    h.get_by_role_and_label(Role::Button, "Tabel").click();
    settle(&mut h);
    assert!(h.query_by_label("2019 *").is_some());
    assert!(h.query_by_label("2018 *").is_none());
    assert!(h.query_by_label("2018").is_some());
    assert!(
        h.query_all_by(|n| n
            .label()
            .or(n.value())
            .is_some_and(|l| l.contains("Tahun data yang diragukan")))
            .next()
            .is_some()
    );
    // The paper's smooth data: no mark, no note.
    let mut h = app_on(Scenario::example(), ScriptedDialogs::default());
    assert_eq!(h.query_all_by_label("Tahun data yang diragukan").count(), 0);
    h.get_by_role_and_label(Role::Button, "Tabel").click();
    settle(&mut h);
    assert!(h.query_by_label("2019 *").is_none());
    assert!(h.query_by_label("2019").is_some());
}
