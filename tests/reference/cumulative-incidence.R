# Reference values for src/stats/cumulative-incidence.ts from R's survival package (Therneau):
# survfit() on a multi-state outcome gives the Aalen–Johansen estimate with infinitesimal-jackknife
# standard errors and log-scale 95% intervals. Writes cumulative-incidence.json beside this file.
# Run from the repository root: Rscript tests/reference/cumulative-incidence.R (R + r-cran-survival).
library(survival)

at_times <- function(fit, times, states) {
  s <- summary(fit, times = times, extend = FALSE)
  lapply(seq_along(s$time), function(i) list(
    time = s$time[i], atRisk = s$n.risk[i, 1],
    states = setNames(lapply(seq_along(states), function(k) list(
      value = s$pstate[i, k], se = s$std.err[i, k], lower = s$lower[i, k], upper = s$upper[i, k])), states)))
}

# A small made-up sample with ties and censoring: 15 children, outcomes a, b, c, 0 = still missing.
small <- data.frame(time = c(1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 8, 9, 10, 12, 15),
                    status = c(1, 2, 0, 1, 3, 1, 0, 2, 1, 0, 2, 3, 1, 0, 2))
small$outcome <- factor(small$status, 0:3, labels = c("missing", "a", "b", "c"))
small_fit <- survfit(Surv(time, outcome) ~ 1, data = small)

# The demo snapshot: days to recovery, or to the as-of date (2025-11-30) for children still missing.
demo <- read.csv(gzfile("tests/reference/demo-cases.csv.gz"), na.strings = "")
as_of <- as.Date("2025-11-30")
missing <- as.Date(demo$missing_date)
recovered <- as.Date(demo$recovered_date)
end <- recovered
end[is.na(end)] <- as_of
demo$time <- as.numeric(end - missing)
place <- ifelse(is.na(recovered), "missing",
  ifelse(is.na(demo$recovery_state), "unknown",
  ifelse(demo$recovery_state == "IN-MP" & !is.na(demo$recovery_district) & demo$recovery_district == demo$origin_district, "home",
  ifelse(demo$recovery_state == "IN-MP", "mp", "interstate"))))
demo$outcome <- factor(place, levels = c("missing", "home", "mp", "interstate", "unknown"))
demo$outcome <- droplevels(demo$outcome)
demo_fit <- survfit(Surv(time, outcome) ~ 1, data = demo)

out <- list(
  source = paste("R", R.version$major, R.version$minor, "survival", as.character(packageVersion("survival"))),
  small = list(data = small[, c("time", "status")], times = at_times(small_fit, c(1, 2, 5, 9, 12, 15), c("missing", "a", "b", "c"))),
  demo = list(cases = nrow(demo), counts = as.list(table(demo$outcome)),
              times = at_times(demo_fit, c(30, 90, 120, 365), c("missing", levels(demo$outcome)[-1])))
)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "tests/reference/cumulative-incidence.json")
