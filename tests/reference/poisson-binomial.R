# Reference values for src/stats/poisson-binomial.ts: the distribution of a count of children, each with their own
# probability, built from R's dbinom (one binomial per group of children sharing a probability) convolved group by
# group. Writes poisson-binomial.json beside this file. Run from the repository root:
# Rscript tests/reference/poisson-binomial.R (R + r-cran-jsonlite).
pmf_of <- function(p, count) {
  dist <- 1
  for (g in seq_along(p)) {
    b <- dbinom(0:count[g], count[g], p[g])
    out <- numeric(length(dist) + count[g])
    for (j in seq_along(b)) out[j:(j + length(dist) - 1)] <- out[j:(j + length(dist) - 1)] + b[j] * dist
    dist <- out
  }
  dist
}

make_case <- function(name, p, count) {
  expected <- sum(p * count)
  variance <- sum(p * (1 - p) * count)
  support <- min(sum(count), ceiling(expected + 12 * sqrt(variance) + 12))
  pmf <- pmf_of(p, count)
  cdf <- cumsum(pmf)
  list(name = name, trials = lapply(seq_along(p), function(g) list(p = p[g], count = count[g])),
       support = support, pmf = pmf[1:(support + 1)],
       lower = min(which(cdf >= 0.05)) - 1, upper = min(which(cdf >= 0.95)) - 1)
}

set.seed(13)
cases <- list(
  # As the planner sees one town: hundreds of groups of children, nearly all unlikely to be there, a few likely.
  make_case("hundreds of groups, a few likely children",
            c(runif(397, 0, 0.01), 0.35, 0.8, 1), c(sample(1:60, 397, replace = TRUE), 2, 1, 3)),
  # A destination about 900 children are expected at: the generating function's terms grow past 1e300 on the way.
  make_case("about 900 expected, none likely",
            runif(300, 0.05, 0.15), sample(1:60, 300, replace = TRUE)),
  # A place hardly anyone is expected at.
  make_case("under one child expected",
            runif(120, 0, 0.002), sample(1:40, 120, replace = TRUE))
)
out <- list(source = paste("R", R.version$major, R.version$minor, "dbinom"), cases = cases)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE), "tests/reference/poisson-binomial.json")
