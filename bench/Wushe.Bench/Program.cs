using Wushe.Bench;
using Wushe.Bench.Generate;
using Wushe.Bench.Measure;

// Benchmarks of Wushe at township, county and city scale: see docs/PERFORMANCE.md.
const string Usage = """
    Usage:
      generate --scale township|county|city (--db PATH | --postgres CONNSTRING)
               [--divisions country|province] [--divisions-path FOLDER] [--seed N] [--history N] [--today yyyy-MM-dd] [--hour-records N] [--households-per-township N]
      measure  (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--log-sql]
      households (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS]
      projects (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--only CASE-NAME-PART]
      volunteers (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS]
      charity  (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--checks N] [--explain-check] [--only CASE-NAME-PART] [--record N]
      workforce (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--only CASE-NAME-PART] [--import N] [--import-rows N] [--import-only]
      competitions (--db PATH | --postgres CONNSTRING) [--reps N] [--warmup N] [--today yyyy-MM-dd] [--explain-over MS] [--only CASE-NAME-PART]
      charity-prepare (--db PATH | --postgres CONNSTRING) --out DIR [--funds N]
      charity-count (--db PATH | --postgres CONNSTRING) --tag TAG [--check]
      competitions-prepare (--db PATH | --postgres CONNSTRING) --out DIR
      competitions-count (--db PATH | --postgres CONNSTRING) --tag TAG
      checkin-prepare (--db PATH | --postgres CONNSTRING) --out DIR [--volunteers N] [--per-shift N]
      checkin-codes --out DIR
      checkin-reset (--db PATH | --postgres CONNSTRING)
      checkin-local (--db PATH | --postgres CONNSTRING) [--count N]
      signup-race (--db PATH | --postgres CONNSTRING) --app URL --out DIR [--count N] [--rehearsal M]
    generate also takes --only KIND,KIND (add kinds to a database generated before: organizations, needs, projects, activities,
    households, volunteers, charity, workforce, competitions) or --skip KIND,KIND (a fresh database without them).
    """;

try
{
    var verb = args.Length > 0 ? args[0] : "";
    var options = new Options(args.Skip(1));
    return verb switch
    {
        "generate" => await Generator.RunAsync(options),
        "measure" => await Measurer.RunAsync(options),
        "households" => await HouseholdMeasurer.RunAsync(options),
        "projects" => await ProjectMeasurer.RunAsync(options),
        "volunteers" => await VolunteerMeasurer.RunAsync(options),
        "charity" => await CharityMeasurer.RunAsync(options),
        "workforce" => await WorkforceMeasurer.RunAsync(options),
        "competitions" => await CompetitionMeasurer.RunAsync(options),
        "competitions-prepare" => await CompetitionMeasurer.PrepareAsync(options),
        "competitions-count" => await CompetitionHttp.CountAsync(options),
        "checkin-prepare" => await VolunteerHttp.PrepareAsync(options),
        "charity-prepare" => await CharityHttp.PrepareAsync(options),
        "charity-count" => await CharityHttp.CountAsync(options),
        "checkin-codes" => await VolunteerHttp.CodesAsync(options),
        "checkin-reset" => await VolunteerHttp.ResetAsync(options),
        "checkin-local" => await VolunteerHttp.LocalAsync(options),
        "signup-race" => await VolunteerHttp.RaceAsync(options),
        _ => throw new UsageException(verb.Length == 0 ? "Give a verb." : $"Unknown verb '{verb}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
