# costplan web reports in a container: `docker build -t costplan .` then
# `docker run -p 8080:8080 -v "$PWD/plans:/plans:ro" costplan` and open http://localhost:8080/.
#
# Stage 1 builds a relocatable release binary (the Swift runtime linked in, the pricing/ rate
# sheets compiled in); stage 2 is a slim Debian with only what that binary loads at run time:
# libsqlite3 (GRDB uses the system SQLite), libstdc++/libgcc (in the base image) and CA
# certificates (for HTTPS from `costplan comment` and `pricing fetch`).
#
# Not built by this repository's CI (it has no Docker engine); scripts/check-relocatable.sh checks
# the same binary copied alone into an empty folder. Swift 6.3 is the toolchain costplan is
# developed with; the build image's Debian release must match the runtime stage's (bookworm),
# so that the binary finds the glibc it was linked against.

FROM swift:6.3-bookworm AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libsqlite3-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --static-swift-stdlib --product costplan \
 && install -D "$(swift build -c release --static-swift-stdlib --show-bin-path)/costplan" /out/costplan \
 && cp -R Public /out/Public

FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libsqlite3-0 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/costplan costplan
COPY --from=build /out/costplan /usr/local/bin/costplan
# Stylesheet of the web pages (served under /assets/); the rates are inside the binary.
COPY --from=build /out/Public /usr/share/costplan/Public
COPY examples/*.yaml /plans/
USER costplan
# The catalog cache goes to $XDG_CACHE_HOME/costplan/ (a writable folder of the image user).
ENV XDG_CACHE_HOME=/home/costplan/.cache
EXPOSE 8080
# Mount your own plans over /plans.
# The server answers only Host names it knows (loopback names and the bound address): reached under
# another name (a load balancer, a DNS name), add "--allowed-host", "reports.example.com" to CMD.
CMD ["costplan", "serve", "--host", "0.0.0.0", "--port", "8080", "--plans", "/plans", "--public-dir", "/usr/share/costplan/Public"]
