//! The demo site at the repository root.
