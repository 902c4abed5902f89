//! The review as rows for CSV (headers + text cells, written by the console's formula-safe CSV
//! writer, `crate::csv`) and as JSON. Cells are exported as the table shows them; column names
//! are the columns' ids.
use serde_json::{json, Map, Value};

use crate::csv::{Separator, Writer};

use super::category::CategoryId;
use super::row::DriftRow;
use super::time;
use super::Review;

/// Rows ready for a CSV writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ExportTable {
    /// The file: headers then rows, every cell made safe for spreadsheets by `csv::Writer`.
    pub fn to_csv(&self, separator: Separator) -> String {
        let mut csv = Writer::new(separator);
        csv.row(&self.headers);
        for row in &self.rows {
            csv.row(row);
        }
        csv.finish()
    }
}

impl Review {
    /// The rows at `positions` (a filtered, sorted view) or, with `None`, every row.
    fn picked(&self, category: CategoryId, positions: Option<&[u32]>) -> Vec<&DriftRow> {
        let table = self.category(category);
        match positions {
            Some(positions) => positions.iter().filter_map(|&at| table.row(at)).collect(),
            None => table.rows().iter().collect(),
        }
    }

    /// One category: `key` then its columns.
    pub fn export_rows(&self, category: CategoryId, positions: Option<&[u32]>) -> ExportTable {
        let columns = category.columns().iter().map(|c| c.id.to_owned());
        let rows = self.picked(category, positions).into_iter().map(|row| {
            let cells = row.cells.iter().map(|c| c.display());
            std::iter::once(row.key.clone()).chain(cells).collect()
        });
        ExportTable {
            headers: std::iter::once("key".to_owned()).chain(columns).collect(),
            rows: rows.collect(),
        }
    }

    /// The whole review in one sheet: `category`, `key`, then every category's columns (a
    /// column shared by several categories, such as `login`, appears once); cells a category
    /// does not have are empty.
    pub fn export_all_rows(&self) -> ExportTable {
        let mut headers: Vec<&'static str> = Vec::new();
        for category in CategoryId::ALL {
            for column in category.columns() {
                if !headers.contains(&column.id) {
                    headers.push(column.id);
                }
            }
        }
        let mut rows = Vec::new();
        for category in CategoryId::ALL.into_iter().filter(|c| self.loaded(*c)) {
            let at: Vec<usize> = category
                .columns()
                .iter()
                .map(|c| headers.iter().position(|h| *h == c.id).unwrap_or(0))
                .collect();
            for row in self.category(category).rows() {
                let mut cells = vec![String::new(); headers.len()];
                for (cell, &to) in row.cells.iter().zip(&at) {
                    cells[to] = cell.display();
                }
                rows.push([vec![category.key().to_owned(), row.key.clone()], cells].concat());
            }
        }
        let all = ["category", "key"]
            .into_iter()
            .chain(headers)
            .map(str::to_owned);
        ExportTable {
            headers: all.collect(),
            rows,
        }
    }

    /// One category as a JSON array of objects (`key` and a member per column; an empty cell
    /// is `null`, a number a number).
    pub fn category_json(&self, category: CategoryId, positions: Option<&[u32]>) -> Value {
        let rows = self.picked(category, positions).into_iter().map(|row| {
            let mut object = Map::new();
            object.insert("key".into(), row.key.as_str().into());
            for (column, cell) in category.columns().iter().zip(&row.cells) {
                object.insert(column.id.into(), cell.to_json());
            }
            Value::Object(object)
        });
        Value::Array(rows.collect())
    }

    /// The whole review: organization, when, the counts, and every loaded category.
    pub fn review_json(&self) -> Value {
        let loaded = || CategoryId::ALL.into_iter().filter(|c| self.loaded(*c));
        let counts: Map<String, Value> = CategoryId::ALL
            .into_iter()
            .map(|c| {
                (
                    c.key().to_owned(),
                    self.loaded(c).then(|| self.category(c).len()).into(),
                )
            })
            .collect();
        let categories: Map<String, Value> = loaded()
            .map(|c| (c.key().to_owned(), self.category_json(c, None)))
            .collect();
        json!({
            "organization": self.org,
            "generated_at": time::format_rfc3339(self.now),
            "credentials_loaded": self.credentials_loaded,
            "counts": counts,
            "categories": categories,
        })
    }
}
