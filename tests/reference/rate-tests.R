# Reference values for src/stats/rate-test.ts from R's stats package: the exact conditional test for two
# Poisson rates (poisson.test, one-sided p; two-sided 95% interval of the rate ratio) and the
# Benjamini–Hochberg adjustment (p.adjust) on the 15 p-values of Benjamini & Hochberg (1995), section 4.
# Run from the repository root: Rscript tests/reference/rate-tests.R (writes rate-tests.json).
cases <- list(c(13, 21, 3, 12), c(26, 11, 3, 12), c(17, 7, 3, 12), c(5, 20, 3, 12), c(1, 0, 3, 12),
              c(0, 9, 3, 12), c(4, 4, 1, 12), c(40, 100, 6, 12))
poisson <- lapply(cases, function(x) {
  greater <- poisson.test(c(x[1], x[2]), c(x[3], x[4]), alternative = "greater")
  both <- poisson.test(c(x[1], x[2]), c(x[3], x[4]))
  list(recent = x[1], baseline = x[2], recentMonths = x[3], baselineMonths = x[4],
       p = greater$p.value, ratio = unname(both$estimate), lower = both$conf.int[1], upper = both$conf.int[2])
})
bh_p <- c(0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000)
out <- list(source = paste("R", R.version$major, R.version$minor), poisson = poisson,
            bh = list(p = bh_p, q = p.adjust(bh_p, method = "BH")))
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "tests/reference/rate-tests.json")
