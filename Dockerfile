# Multi-stage build: compile with the Rust toolchain, run from a small Debian image as a non-root user.
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY benches ./benches
COPY tests ./tests
RUN cargo build --release --locked --bin supportbot

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin supportbot \
    && mkdir -p /data /knowledge && chown supportbot /data
COPY --from=build /src/target/release/supportbot /usr/local/bin/supportbot
COPY knowledge /knowledge
ENV KNOWLEDGE_DIR=/knowledge \
    DATA_DIR=/data \
    RUST_LOG=warn,supportbot=info
VOLUME ["/data", "/knowledge"]
USER supportbot
ENTRYPOINT ["supportbot"]
CMD ["run"]
