//! Output paths and formats.
