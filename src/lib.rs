//! Proyeksi Bidan: how many midwives (bidan) antenatal care needs, now and in
//! the years ahead, by the projection model of Dewi & Umniyatun.
//!
//! - [`model`]: the pure planning engine.
//! - [`io`]: scenario files and reports.
//! - [`cli`]: the headless command line.

pub mod chart;
pub mod cli;
pub mod i18n;
pub mod io;
pub mod model;
pub mod table;
pub mod ui;
