package directory

// Names of the package's internals its external tests use.
var ParseDayFast = parseDayFast

const CohortDay = cohortDay
