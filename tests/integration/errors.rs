//! Bad inputs and their messages.
