# notice in a container, for CI jobs that run images rather than install tools.
#
#   docker build -t notice .
#   docker run --rm -v "$PWD:/work" notice check notices/
#   docker run --rm -v "$PWD:/work" -u "$(id -u):$(id -g)" notice build notices/ --out public/
#
# Two stages: notice is built from this checkout in Alpine (musl, so the binary is static),
# and only that binary is copied into a plain Alpine image (about 30 MB in all), where it
# runs as an unprivileged user. Alpine keeps a shell, which GitLab CI and other runners
# need to run a job's script in the image; set the entrypoint to "" there.
# The release workflow (.github/workflows/release.yml) builds and pushes this image.

ARG RUST_VERSION=1.95.0
ARG ALPINE_VERSION=3.22

FROM rust:${RUST_VERSION}-alpine${ALPINE_VERSION} AS build
WORKDIR /src
COPY . .
# --locked: the exact dependency versions of Cargo.lock.
RUN CARGO_PROFILE_RELEASE_STRIP=symbols cargo build --release --locked \
    && cp target/release/notice /usr/local/bin/notice \
    && /usr/local/bin/notice --version

FROM alpine:${ALPINE_VERSION}
RUN adduser -D -H -u 10001 notice
COPY --from=build /usr/local/bin/notice /usr/local/bin/notice
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["notice"]
CMD ["--help"]
