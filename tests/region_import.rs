//! Data files of several levels: the parent column recognised, the tree
//! built, and each fault of a tree named at its file:row:column.

use std::path::{Path, PathBuf};

use proyeksi_bidan::io::import::{ImportError, ImportOptions, import_file, recognize};
use proyeksi_bidan::model::data::Field;
use proyeksi_bidan::model::tree_sum::{node_rows, parent_checks};
use proyeksi_bidan::model::{NeedSum, Parameters, PreparedData, project};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("regions")
        .join(name)
}

fn load(name: &str) -> Result<proyeksi_bidan::io::import::Imported, ImportError> {
    import_file(&fixture(name), &ImportOptions::default(), &mut |_| true)
}

/// (row, column, message) of each problem.
fn problems(e: &ImportError) -> Vec<(Option<usize>, Option<String>, String)> {
    match e {
        ImportError::Invalid { problems, .. } => problems
            .iter()
            .map(|p| (p.row, p.column.clone(), p.message.to_string()))
            .collect(),
        other => panic!("expected a list of problems, got {other:?}"),
    }
}

#[test]
fn the_parent_column_is_recognised_in_both_languages() {
    for h in [
        "kode induk",
        "Kode_Induk",
        "parent_code",
        "Parent code",
        "induk",
    ] {
        assert_eq!(recognize(h), Some(Field::ParentCode), "{h}");
    }
}

#[test]
fn a_kabupaten_file_of_three_levels_makes_its_tree() {
    let imported = load("kabupaten_tree.csv").unwrap();
    assert_eq!(imported.rows.len(), 10);
    assert_eq!(imported.rows[4].parent_code(), "32.01.05");
    assert_eq!(imported.rows[0].parent_code(), "");
    let data = PreparedData::new(&imported.rows).unwrap();
    let t = &data.tree;
    assert!(t.nested);
    // 32.01 > 32.01.05 > two puskesmas; 32.01 > 32.01.06.
    assert_eq!(t.roots, vec![0]);
    assert_eq!(t.children(0), &[1, 4]);
    assert_eq!(t.children(1), &[2, 3]);
    let mut p = Parameters::default();
    p.population.base_year = 2023;
    p.population.horizon_year = 2025;
    let proj = project(&p, &data).unwrap();
    // Leaves: 1.000 + 1.500 + 400 = 2.900 (2023), 3.190 (2024).
    let total = node_rows(&data, &proj, None, NeedSum::Fte);
    assert_eq!(total[0].pregnant_women, 2_900.0);
    assert_eq!(total[1].pregnant_women, 3_190.0);
    assert_eq!(total[1].midwives_available, Some(7.0));
    // The kabupaten's own 3.000 against 2.900 under it: reported.
    let checks = parent_checks(&data, &proj);
    assert_eq!(checks.len(), 2);
    assert_eq!((checks[0].region, checks[0].year), (0, 2023));
    assert_eq!(checks[0].difference(), 100.0);
    assert_eq!(checks[1].difference(), 110.0);
}

#[test]
fn each_fault_of_a_tree_names_its_row_and_column() {
    let e = load("parent_not_in_file.csv").unwrap_err();
    let p = problems(&e);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, Some(4));
    assert_eq!(p[0].1.as_deref(), Some("kode_induk"));
    assert!(
        p[0].2.contains("32.01.09") && p[0].2.contains("not in the file"),
        "{p:?}"
    );
    assert!(
        e.to_string()
            .contains("parent_not_in_file.csv:4:kode_induk"),
        "{e}"
    );

    let p = problems(&load("listed_twice.csv").unwrap_err());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!((p[0].0, p[0].1.as_deref()), (Some(7), Some("kode_induk")));
    assert!(p[0].2.contains("listed twice"), "{p:?}");

    let p = problems(&load("loop.csv").unwrap_err());
    assert_eq!((p[0].0, p[0].1.as_deref()), (Some(2), Some("parent_code")));
    assert!(p[0].2.contains("loop"), "{p:?}");

    // No parent column: the Kemendagri codes nest, and PKM-X has no place.
    let e = load("unknown_code.csv").unwrap_err();
    let p = problems(&e);
    assert_eq!((p[0].0, p[0].1.as_deref()), (Some(6), Some("kode_wilayah")));
    assert!(p[0].2.contains("PKM-X"), "{p:?}");
    assert!(
        e.to_string().contains("unknown_code.csv:6:kode_wilayah"),
        "{e}"
    );
}
