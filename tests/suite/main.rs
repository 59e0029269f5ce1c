mod build;
mod tools;
