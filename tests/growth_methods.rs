//! The growth methods on real district data: the Belitung Timur health
//! profile, seven puskesmas, 2023–2024 (tests/data/belitung_timur_2023_2024.md).

use proyeksi_bidan::model::{
    self, CbrTrend, DataRow, GrowthMethod, Parameters, PreparedData, Projection, Scenario,
};

/// The fixture as a planner gives it: population, live births and midwives
/// per puskesmas (the pregnant-women column is left out, so that pregnant
/// women are 1,10 × births as in the model).
pub fn belitung_timur() -> Vec<DataRow> {
    let text = include_str!("data/belitung_timur_2023_2024.csv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let c: Vec<&str> = line.split(',').collect();
            DataRow {
                region_name: c[2].into(),
                year: c[0].parse().unwrap(),
                population: c[3].parse::<f64>().unwrap().into(),
                births: c[4].parse::<f64>().unwrap().into(),
                midwives_available: c[8].parse::<f64>().unwrap().into(),
                ..DataRow::default()
            }
        })
        .collect()
}

fn run(method: GrowthMethod, cbr: CbrTrend) -> (PreparedData, Projection) {
    let mut params = Parameters::default();
    params.population.base_year = 2023;
    params.population.horizon_year = 2035;
    params.population.growth_method = method;
    params.population.cbr_trend = cbr;
    let scenario = Scenario {
        params,
        data: belitung_timur(),
        ..Scenario::example()
    };
    model::compute(&scenario).unwrap()
}

fn manggar(data: &PreparedData) -> usize {
    (0..data.regions())
        .find(|&r| data.label(r) == "Manggar")
        .unwrap()
}

/// One midwife's share of a year per pregnant woman, exact: the paper's
/// visits 30,6 + 20 + 20 + 34,1 = 104,7 min, plus 20% preparation and 20%
/// recording = 146,58 min; WKE = (312 − 46 days) / 6 × 37,5 h × 0,70 × 60
/// = 69.825 min.
const SHARE: f64 = 146.58 / 69_825.0;

#[test]
fn manggar_population_route_by_hand() {
    let (data, proj) = run(GrowthMethod::Population, CbrTrend::HoldMean);
    let r = manggar(&data);
    // Population 39.982 (2023) → 40.998 (2024): g_pop = 1.016 / 39.982 = 0,0254114.
    let g_pop: f64 = (40_998.0 - 39_982.0) / 39_982.0;
    assert!((g_pop - 0.0254114).abs() < 1e-7);
    // CBR 605 / 39.982 × 1.000 = 15,1318 and 512 / 40.998 × 1.000 = 12,4884;
    // held at their mean, 13,8101 per 1.000.
    let cbr: f64 = (605.0 / 39_982.0 * 1000.0 + 512.0 / 40_998.0 * 1000.0) / 2.0;
    assert!((cbr - 13.8101).abs() < 1e-4);
    assert_eq!(format!("{cbr:.2}"), "13.81");
    // 2035 is 12 years after the base year 2023:
    // population 39.982 × 1,0254114^12 = 39.982 × 1,3513812 = 54.030,9;
    // births 13,8101 × 54.030,9 / 1.000 = 746,17;
    // pregnant women 1,10 × 746,17 = 820,79;
    // midwives 146,58 / 69.825 × 820,79 = 1,7230 FTE.
    let population = 39_982.0 * (1.0 + g_pop).powi(12);
    assert!((population - 54_030.9).abs() < 0.1);
    let pregnant = 1.10 * cbr * population / 1000.0;
    assert!((pregnant - 820.79).abs() < 0.01);
    let need = SHARE * pregnant;
    assert!((need - 1.7230).abs() < 1e-4);

    let row = proj.region_row(&data, r, 2035);
    assert!((row.pregnant_women - pregnant).abs() < 1e-9, "{row:?}");
    assert!((row.midwives_needed - need).abs() < 1e-12, "{row:?}");
    let route = &proj.routes[r];
    assert!((route.population_growth - g_pop).abs() < 1e-15);
    assert!((route.base_cbr - cbr).abs() < 1e-12);
    assert_eq!(route.cbr_growth, 0.0);
}

#[test]
fn manggar_mean_growth_runs_away() {
    let (data, proj) = run(GrowthMethod::MeanAnnual, CbrTrend::HoldMean);
    let r = manggar(&data);
    // Pregnant women 1,10 × 605 = 665,5 → 1,10 × 512 = 563,2: g = −0,1537190.
    assert!((proj.growth_used[r] + 0.1537190).abs() < 1e-7);
    // 665,5 × 0,846281^12 = 89,81 pregnant women in 2035: 0,19 FTE.
    let row = proj.region_row(&data, r, 2035);
    assert!((row.pregnant_women - 89.81).abs() < 0.01, "{row:?}");
    assert!((row.midwives_needed - 0.1885).abs() < 1e-4);
}

#[test]
fn the_cbr_held_at_its_latest_value_or_on_its_trend() {
    let (data, latest) = run(GrowthMethod::Population, CbrTrend::HoldLatest);
    let r = manggar(&data);
    // CBR of 2024: 512 / 40.998 × 1.000 = 12,4884.
    assert!((latest.routes[r].base_cbr - 512.0 / 40.998).abs() < 1e-12);
    let (_, trend) = run(GrowthMethod::Population, CbrTrend::Trend);
    // Two years: the trend goes through both, CBR 15,1318 in the base year
    // 2023, falling by 12,4884 / 15,1318 − 1 = −17,47% a year.
    let route = &trend.routes[r];
    assert!((route.base_cbr - 605.0 / 39.982).abs() < 1e-9);
    let g_cbr: f64 = (512.0 / 40_998.0) / (605.0 / 39_982.0) - 1.0;
    assert!((route.cbr_growth - g_cbr).abs() < 1e-12);
    // On its trend the 2024 projection meets the data: 1,10 × 512 births.
    assert!((trend.projected(r, 2024) - 1.10 * 512.0).abs() < 1e-9);
}

#[test]
fn the_population_route_needs_a_population() {
    let mut rows = belitung_timur();
    rows[0].population = None.into();
    let mut params = Parameters::default();
    params.population.base_year = 2023;
    params.population.growth_method = GrowthMethod::Population;
    let data = PreparedData::new(&rows).unwrap();
    let e = model::project(&params, &data).unwrap_err();
    let text = e.message(model::Lang::Id);
    assert!(text.contains("Manggar") && text.contains("2023"), "{text}");
}

#[test]
fn every_method_shows_its_formula_and_numbers() {
    use proyeksi_bidan::model::explain::{Subject, explain, render_text};
    let working = |method, cbr| {
        let (data, proj) = run(method, cbr);
        let mut params = Parameters::default();
        params.population.base_year = 2023;
        params.population.growth_method = method;
        params.population.cbr_trend = cbr;
        let r = manggar(&data);
        let steps = explain(&params, &data, &proj, Subject::Region(r), model::Lang::Id);
        (
            steps.iter().map(|s| s.id).collect::<Vec<_>>(),
            render_text(&steps),
        )
    };
    let (ids, text) = working(GrowthMethod::Population, CbrTrend::HoldMean);
    for id in ["population_growth", "cbr_used", "population_route"] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    for s in [
        "(40.998 − 39.982) / 39.982",
        "(15,13 + 12,49) / 2 = 13,81",
        "39.982 × (1 + 0,02541)^12 = 54.030,92",
        "1,1 × 13,81 × 54.030,92 / 1.000 = 820,79",
        "0,002099 × 820,79 = 1,72",
    ] {
        assert!(text.contains(s), "{s}\n{text}");
    }
    let (ids, text) = working(GrowthMethod::Population, CbrTrend::Trend);
    assert!(ids.contains(&"cbr_used"));
    assert!(text.contains("g_CBR = -0,1747"), "{text}");
    let (ids, text) = working(GrowthMethod::Trend, CbrTrend::HoldMean);
    assert!(ids.contains(&"growth_trend"), "{ids:?}");
    // Two years: the trend is the one annual rate, 563,2 / 665,5 − 1.
    assert!(text.contains("g = e^-0,1669 − 1 = -0,1537"), "{text}");
    let (ids, text) = working(GrowthMethod::Median, CbrTrend::HoldMean);
    assert!(ids.contains(&"growth_median"), "{ids:?}");
    assert!(text.contains("-0,1537 → -0,1537"), "{text}");
    // The paper's method adds no step of its own.
    let (ids, _) = working(GrowthMethod::MeanAnnual, CbrTrend::HoldMean);
    assert!(
        !ids.iter()
            .any(|id| id.starts_with("growth_") || *id == "cbr_used")
    );
}

#[test]
fn manggar_is_flagged_with_the_population_route_beside_it() {
    use proyeksi_bidan::model::flags::{RunawayReason, SuspectReason, flags};
    let (data, proj) = run(GrowthMethod::MeanAnnual, CbrTrend::HoldMean);
    let mut params = Parameters::default();
    params.population.base_year = 2023;
    let f = flags(&params, &data, &proj);
    let r = manggar(&data);
    // 2024: pregnant women −15,4% while the population grew 2,5%.
    let s = f.suspect_years.iter().find(|s| s.region == r).unwrap();
    assert_eq!(s.year, 2024);
    assert!((s.change + 0.1537190).abs() < 1e-7);
    assert!(
        matches!(s.reasons[..], [SuspectReason::FromPopulation { population_change }]
        if (population_change - 0.0254114).abs() < 1e-7)
    );
    // The mean growth −15,4% runs away: 0,19 FTE in 2035, the population
    // route 1,72 FTE.
    let w = f.runaway.iter().find(|w| w.region == r).unwrap();
    assert!(w.reasons.contains(&RunawayReason::Growth));
    assert!((w.mean_route_need - 0.1885).abs() < 1e-4);
    assert!((w.population_route_need.unwrap() - 1.7230).abs() < 1e-4);
    let text = f.warnings(&data, &proj, model::Lang::Id).join("\n");
    assert!(text.contains("Manggar, 2024"), "{text}");
    assert!(
        text.contains("-15,4%: 0,19 FTE pada tahun 2035; dengan jalur penduduk: 1,72 FTE"),
        "{text}"
    );
    // 559 births a year: changes within ±2/√559 = ±8,5% are chance.
    let small = f.small_numbers.iter().find(|s| s.region == r).unwrap();
    assert!((small.band() - 2.0 / 558.5f64.sqrt()).abs() < 1e-12);
    assert!(f.is_flagged(r));
    assert_eq!(f.flagged_regions(), 7);

    // The paper's national data raise nothing.
    let (data, proj) = model::compute(&Scenario::example()).unwrap();
    let f = flags(&Scenario::example().params, &data, &proj);
    assert_eq!(f, Default::default());
}

#[test]
fn the_population_grows_by_its_mean_compound_rate_or_trend() {
    use proyeksi_bidan::model::PopulationGrowth;
    use proyeksi_bidan::model::explain::{Subject, explain, render_text};
    for how in PopulationGrowth::ALL {
        let mut params = Parameters::default();
        params.population.base_year = 2023;
        params.population.growth_method = GrowthMethod::Population;
        params.population.population_growth = how;
        let data = PreparedData::new(&belitung_timur()).unwrap();
        let proj = model::project(&params, &data).unwrap();
        let r = manggar(&data);
        // Two years: mean, compound rate and trend are all 1.016 / 39.982.
        assert!((proj.routes[r].population_growth - 1016.0 / 39_982.0).abs() < 1e-12);
        let text = render_text(&explain(
            &params,
            &data,
            &proj,
            Subject::Region(r),
            model::Lang::Id,
        ));
        let shown = match how {
            PopulationGrowth::Mean => "(40.998 − 39.982) / 39.982 = 0,02541",
            PopulationGrowth::Compound => "(40.998 / 39.982)^(1/1) − 1 = 0,02541",
            PopulationGrowth::Trend => "g_pop = e^0,02509 − 1 = 0,02541",
        };
        assert!(text.contains(shown), "{shown}\n{text}");
    }
}
