//! Integration tests: real sites built into temporary directories by the real
//! binary, with assertions on the pages, the open-data files and the messages.

mod charts;
mod demo;
mod errors;
mod harness;
mod intake;
mod output;
mod publish;
mod search;
mod serve;
mod theme;
