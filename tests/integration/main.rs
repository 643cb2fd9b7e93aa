//! Integration tests: real sites built into temporary directories by the real
//! binary, with assertions on the pages, the open-data files and the messages.

mod areas;
mod charts;
mod city;
mod demo;
mod desk;
mod editors;
mod errors;
mod findings;
mod harness;
mod hostile;
mod intake;
mod layers;
mod map;
mod markdown;
mod messages_cli;
mod messages_load;
mod messages_model;
mod offices;
mod output;
mod places;
mod publish;
mod publishing;
mod safety;
mod search;
mod serve;
mod sheets;
mod theme;
mod wording;
