//! Files out: charts as PNG/SVG and the results table as CSV, XLSX, text or JSON.

pub mod chart;
