//! Regions in a tree: sums up the tree, parents checked against their
//! children, the rule that sums the midwives needed, and random trees whose
//! every level sums to its leaves.

use proptest::prelude::*;
use proyeksi_bidan::model::explain::{Subject, explain};
use proyeksi_bidan::model::tree_sum::{node_rows, parent_checks};
use proyeksi_bidan::model::{DataRow, Lang, NeedSum, Parameters, PreparedData, project};

fn params(rule: NeedSum) -> Parameters {
    let mut p = Parameters::default();
    p.population.base_year = 2020;
    p.population.horizon_year = 2025;
    p.need_sum = rule;
    p
}

fn rows_of(code: &str, parent: &str, pw: &[f64], midwives: Option<f64>) -> Vec<DataRow> {
    pw.iter()
        .enumerate()
        .map(|(k, &w)| {
            let mut r = DataRow {
                region_code: code.into(),
                year: 2020 + k as i32,
                pregnant_women: w.into(),
                midwives_available: midwives.into(),
                ..DataRow::default()
            };
            r.set_parent_code(parent);
            r
        })
        .collect()
}

#[test]
fn the_working_says_which_rule_sums_the_need() {
    // Kabupaten 32.01 over two puskesmas (codes not Kemendagri's).
    let mut rows = rows_of("32.01", "", &[3_000.0, 3_300.0], Some(6.0));
    rows.extend(rows_of("P1", "32.01", &[1_000.0, 1_100.0], Some(2.0)));
    rows.extend(rows_of("P2", "32.01", &[1_500.0, 1_650.0], Some(4.0)));
    let data = PreparedData::new(&rows).unwrap();
    for (rule, words) in [
        (NeedSum::Fte, "sum of the FTE"),
        (NeedSum::EachRoundedUp, "rounded up to whole midwives first"),
    ] {
        let p = params(rule);
        let proj = project(&p, &data).unwrap();
        let steps = explain(&p, &data, &proj, Subject::Total, Lang::En);
        let tree = steps
            .iter()
            .find(|s| s.id == "tree_sum")
            .expect("tree step");
        assert!(tree.formula.contains(words), "{}", tree.formula);
        // The kabupaten's own 3.000 against 2.500 under it, shown.
        assert!(
            tree.note.contains("3,000") && tree.note.contains("2,500") && tree.note.contains("500"),
            "{}",
            tree.note
        );
    }
    // 2025: each puskesmas grows 10 % a year; 1.000 × 1,1⁵ = 1.610,51 →
    // need 3,38 → 4; 1.500 × 1,1⁵ = 2.415,77 → 5,07 → 6; 10 in all.
    let p = params(NeedSum::EachRoundedUp);
    let proj = project(&p, &data).unwrap();
    let total = node_rows(&data, &proj, None, NeedSum::EachRoundedUp);
    let last = total.last().unwrap();
    assert_eq!(last.year, 2025);
    assert_eq!(last.midwives_needed, 10.0);
    let fte = node_rows(&data, &proj, None, NeedSum::Fte);
    let share = 146.58 / 69_825.0;
    let expected = share * (1_000.0 + 1_500.0) * 1.1f64.powi(5);
    assert!((fte.last().unwrap().midwives_needed - expected).abs() < 1e-6);
    assert!((expected - 8.45).abs() < 0.01);
    let steps = explain(&p, &data, &proj, Subject::Total, Lang::Id);
    let tree = steps.iter().find(|s| s.id == "tree_sum").unwrap();
    assert!(tree.working.contains("10,0"), "{}", tree.working);
}

#[test]
fn a_flat_file_has_no_tree_step() {
    let mut rows = rows_of("A", "", &[1_000.0, 1_100.0], None);
    rows.extend(rows_of("B", "", &[2_000.0, 2_200.0], None));
    let data = PreparedData::new(&rows).unwrap();
    let p = params(NeedSum::Fte);
    let proj = project(&p, &data).unwrap();
    let steps = explain(&p, &data, &proj, Subject::Total, Lang::En);
    assert!(steps.iter().all(|s| s.id != "tree_sum"));
}

/// A random tree: region i's parent is one of the regions before it, or
/// none; each region has two years of pregnant women.
fn tree_strategy() -> impl Strategy<Value = Vec<(Option<usize>, f64, f64, Option<f64>)>> {
    prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<bool>(),
            1.0f64..50_000.0,
            0.8f64..1.25,
            prop::option::of(0.0f64..200.0),
        ),
        1..40,
    )
    .prop_map(|nodes| {
        nodes
            .into_iter()
            .enumerate()
            .map(|(i, (pick, top, w, growth, midwives))| {
                let parent = (i > 0 && !top).then(|| pick.index(i));
                (parent, w, w * growth, midwives)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn every_level_sums_to_its_leaves(nodes in tree_strategy(), rounded in any::<bool>()) {
        let rule = if rounded { NeedSum::EachRoundedUp } else { NeedSum::Fte };
        // The top regions are provinces (two-digit codes), the others any
        // code with its parent's.
        let code = |i: usize| match nodes[i].0 {
            None => format!("{}", 10 + i),
            Some(_) => format!("R{i}"),
        };
        let mut rows = Vec::new();
        for (i, &(parent, w0, w1, m)) in nodes.iter().enumerate() {
            let parent = parent.map(code).unwrap_or_default();
            rows.extend(rows_of(&code(i), &parent, &[w0, w1], m));
        }
        let data = PreparedData::new(&rows).unwrap();
        prop_assert_eq!(data.tree.nested, nodes.iter().any(|n| n.0.is_some()));
        let p = params(rule);
        let proj = project(&p, &data).unwrap();
        let tree = &data.tree;
        let leaf_rows: Vec<Vec<_>> = (0..data.regions())
            .map(|r| node_rows(&data, &proj, Some(r), rule))
            .collect();
        let span = proj.total.len();
        let total = node_rows(&data, &proj, None, rule);
        let max_depth = tree.depth.iter().copied().max().unwrap_or(0);
        for k in 0..span {
            let leaves: Vec<usize> = tree.leaves_under(None).collect();
            let sum = |f: &dyn Fn(usize) -> f64| leaves.iter().map(|&r| f(r)).sum::<f64>();
            let w = sum(&|r| leaf_rows[r][k].projected_pregnant_women);
            let need = sum(&|r| leaf_rows[r][k].midwives_needed);
            let tol = |x: f64| 1e-9 * x.abs().max(1.0);
            prop_assert!((total[k].projected_pregnant_women - w).abs() < tol(w));
            prop_assert!((total[k].midwives_needed - need).abs() < tol(need) + 1e-6);
            // Each depth: its regions and the leaves above it cover every leaf once.
            for d in 0..=max_depth {
                let level: f64 = (0..data.regions())
                    .filter(|&r| tree.depth[r] == d || (tree.depth[r] < d && tree.is_leaf(r)))
                    .map(|r| leaf_rows[r][k].projected_pregnant_women)
                    .sum();
                prop_assert!((level - w).abs() < tol(w), "depth {d}: {level} against {w}");
            }
            // Each region is the sum of the regions directly under it.
            for r in 0..data.regions() {
                let children = tree.children(r);
                if children.is_empty() {
                    continue;
                }
                let s: f64 = children.iter().map(|&c| leaf_rows[c as usize][k].pregnant_women).sum();
                prop_assert!((leaf_rows[r][k].pregnant_women - s).abs() < tol(s));
                let n: f64 = children.iter().map(|&c| leaf_rows[c as usize][k].midwives_needed).sum();
                prop_assert!((leaf_rows[r][k].midwives_needed - n).abs() < tol(n) + 1e-6);
            }
        }
        // Every region with regions under it is checked, data year by year.
        for c in parent_checks(&data, &proj) {
            prop_assert!(!tree.is_leaf(c.region));
            prop_assert!((c.children - leaf_rows[c.region][(c.year - 2020) as usize].pregnant_women).abs() < 1e-6);
        }
    }
}
