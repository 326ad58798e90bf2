//! Proyeksi Bidan: how many midwives (bidan) antenatal care needs, now and in
//! the years ahead, by the projection model of Dewi & Umniyatun, and what every
//! activity of a midwife adds (WHO WISN, Kemenkes ABK-Kes).
//!
//! The layers, from the bottom up; each uses only those below it:
//! - [`i18n`]: the two languages and the catalogue of every text shown.
//! - [`model`]: the pure planning engine (no window, no files, no global state).
//! - [`chart`]: a chart described once, for the window and the exports.
//! - [`table`]: the results table described once (columns, headings, formats).
//! - [`io`]: data files in, scenario files, and charts and tables out.
//! - [`ui`]: the desktop window (egui).
//! - [`cli`]: the headless command line; `main.rs` starts it or the window.

pub mod chart;
pub mod cli;
pub mod i18n;
pub mod io;
pub mod model;
pub mod table;
pub mod ui;
