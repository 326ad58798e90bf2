//! Suspect data years appear exactly where a series jumps, and nowhere on
//! smooth series.

use proptest::prelude::*;
use proyeksi_bidan::model::flags::flags;
use proyeksi_bidan::model::{DataRow, Parameters, PreparedData, project};

/// One region: `rates` of pregnant women from 1.000, the population growing
/// by the same rates plus `pop_offsets`.
fn region(name: &str, rates: &[f64], pop_offsets: &[f64]) -> Vec<DataRow> {
    let (mut pw, mut pop) = (1000.0, 100_000.0);
    let mut rows = Vec::new();
    for k in 0..=rates.len() {
        rows.push(DataRow {
            region_name: name.into(),
            year: 2010 + k as i32,
            population: pop.into(),
            pregnant_women: pw.into(),
            ..DataRow::default()
        });
        if k < rates.len() {
            pw *= 1.0 + rates[k];
            pop *= 1.0 + rates[k] + pop_offsets[k];
        }
    }
    rows
}

fn smooth(changes: usize) -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (-0.03f64..0.03).prop_flat_map(move |base| {
        (
            proptest::collection::vec(-0.02f64..0.02, changes)
                .prop_map(move |v| v.iter().map(|x| base + x).collect::<Vec<_>>()),
            proptest::collection::vec(-0.02f64..0.02, changes),
        )
    })
}

/// A region's smooth rates of pregnant women and population offsets, and
/// where (and how far) one year jumps.
type Region = ((Vec<f64>, Vec<f64>), Option<(usize, f64)>);

/// One to three regions of 5 to 10 years.
fn regions() -> impl Strategy<Value = Vec<Region>> {
    (4usize..10).prop_flat_map(|changes| {
        proptest::collection::vec(
            (
                smooth(changes),
                proptest::option::of((0..changes, prop_oneof![-0.5f64..-0.25, 0.25f64..0.6])),
            ),
            1..4,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn flags_sit_exactly_on_the_jumps(regions in regions()) {
        let mut rows = Vec::new();
        let mut expected = Vec::new();
        for (r, ((mut rates, pop), jump)) in regions.into_iter().enumerate() {
            if let Some((k, size)) = jump {
                // The pregnant women jump; the population does not.
                rates[k] += size;
                let pop_rate = rates[k] - size + pop[k];
                let mut pop = pop.clone();
                pop[k] = pop_rate - rates[k];
                rows.extend(region(&format!("R{r}"), &rates, &pop));
                expected.push((r, 2010 + k as i32 + 1));
            } else {
                rows.extend(region(&format!("R{r}"), &rates, &pop));
            }
        }
        let data = PreparedData::new(&rows).unwrap();
        let mut params = Parameters::default();
        params.population.base_year = 2010;
        params.population.horizon_year = 2025;
        let proj = project(&params, &data).unwrap();
        let f = flags(&params, &data, &proj);
        let found: Vec<(usize, i32)> = f.suspect_years.iter().map(|s| (s.region, s.year)).collect();
        prop_assert_eq!(found, expected);
        for s in &f.suspect_years {
            // Far from both the median change and the population's change.
            prop_assert_eq!(s.reasons.len(), 2);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// One year taken from another source (its level off by 25–50%) marks
    /// the change into it and the change out of it, and nothing else.
    #[test]
    fn an_odd_year_marks_the_change_into_it_and_out_of_it(
        (rates, pop) in (5usize..10).prop_flat_map(smooth),
        at in 1usize..4,
        size in prop_oneof![-0.4f64..-0.25, 0.25f64..0.5],
    ) {
        let mut rows = region("R0", &rates, &pop);
        let odd = &mut rows[at];
        odd.pregnant_women = (odd.pregnant_women.unwrap() * (1.0 + size)).into();
        let data = PreparedData::new(&rows).unwrap();
        let mut params = Parameters::default();
        params.population.base_year = 2010;
        params.population.horizon_year = 2025;
        let proj = project(&params, &data).unwrap();
        let f = flags(&params, &data, &proj);
        let found: Vec<i32> = f.suspect_years.iter().map(|s| s.year).collect();
        let year = 2010 + at as i32;
        prop_assert_eq!(found, vec![year, year + 1]);
    }
}
