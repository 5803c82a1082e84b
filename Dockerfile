# Multi-stage build: compile with the Rust toolchain, fetch the sentence model, run from a small
# Debian image as a non-root user.
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY benches ./benches
COPY examples ./examples
COPY tests ./tests
RUN cargo build --release --locked --bin supportbot
# The default sentence model (all-MiniLM-L6-v2) is fetched at build time, so the container starts
# without reaching the Hugging Face hub. Pass --build-arg SEMANTIC_MODEL=owner/name for another,
# or SEMANTIC_MODEL=off to build an image without one (lexical matching only).
ARG SEMANTIC_MODEL=sentence-transformers/all-MiniLM-L6-v2
RUN mkdir -p /models \
    && if [ "$SEMANTIC_MODEL" != "off" ]; then \
         SEMANTIC_MODEL="$SEMANTIC_MODEL" MODEL_CACHE_DIR=/models ./target/release/supportbot model fetch; \
       fi

FROM debian:bookworm-slim
ARG SEMANTIC_MODEL=sentence-transformers/all-MiniLM-L6-v2
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin supportbot \
    && mkdir -p /data /knowledge && chown supportbot /data
COPY --from=build /src/target/release/supportbot /usr/local/bin/supportbot
# Writable by the bot: the article vectors are cached beside the model (models/embeddings).
COPY --from=build --chown=supportbot /models /models
COPY knowledge /knowledge
ENV KNOWLEDGE_DIR=/knowledge \
    DATA_DIR=/data \
    MODEL_CACHE_DIR=/models \
    SEMANTIC_MODEL=$SEMANTIC_MODEL \
    RUST_LOG=warn,supportbot=info
# /models is a volume too: the article vectors cached beside the model survive a new container
# (a new named volume starts with the model the image fetched).
VOLUME ["/data", "/knowledge", "/models"]
USER supportbot
ENTRYPOINT ["supportbot"]
CMD ["run"]
