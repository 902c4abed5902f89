//! Prints the emulator's GraphQL schema (SDL), e.g. to compare with GitHub's by eye.
//!
//! cargo run -p emulator --example graphql_sdl
fn main() {
    print!("{}", emulator::graphql::sdl());
}
