using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;
using Wushe.Features.Areas;
using Wushe.Platform;

namespace Wushe.Bench.Generate;

/// <summary>
/// <c>generate --scale township|county|city --db PATH [--postgres CONNSTRING]</c>: a fresh
/// database with the app's migrations, the real division list, and synthetic records of
/// Bijie at the chosen scale. Deterministic for a seed and a date (ids are time-ordered
/// GUIDs, so they differ between runs; contents do not).
/// </summary>
static class Generator
{
    /// <summary>The record kinds, in dependency order. A new feature adds its kind here.</summary>
    static IRecordKind[] Kinds() =>
    [
        new Divisions(),
        new Villages(),
        new Stations(),
        new ServicePurchases(),
        new StaffUsers(),
        new StandardChecks(),
        new Supervisions(),
        new Ratings(),
        new Households(),
        // Issue 8: the linkage loop (needs → projects → organizations → delivery records).
        new Organizations(),
        new NeedsKind(),
        new ProjectsKind(),
        new ProjectActivities(),
        // Issue 9: volunteers, teams, activities, sign-ups and hour records with their roll-ups.
        new VolunteersKind(),
        // Issue 10: community charity funds, their ledgers, donations, disbursements, campaigns and micro-wishes.
        new CharityKind(),
        // Issue 11: social workers, qualifications and registrations, exam results, trainings and their credits.
        new WorkforceKind(),
        // Issue 12: venture-philanthropy calls, applications, judges and their scores.
        new CompetitionsKind(),
    ];

    /// <summary>The names <c>--only</c> accepts, each one kind (or several) of <see cref="Kinds"/>.</summary>
    static readonly Dictionary<string, Type> Short = new(StringComparer.OrdinalIgnoreCase)
    {
        ["organizations"] = typeof(Organizations), ["needs"] = typeof(NeedsKind), ["projects"] = typeof(ProjectsKind), ["activities"] = typeof(ProjectActivities),
        ["households"] = typeof(Households), ["volunteers"] = typeof(VolunteersKind), ["charity"] = typeof(CharityKind),
        ["workforce"] = typeof(WorkforceKind), ["competitions"] = typeof(CompetitionsKind),
    };

    public static async Task<int> RunAsync(Options options)
    {
        var target = BenchDb.From(options);
        var scale = Scale.Parse(options.Get("scale", "city"));
        var divisions = options.Get("divisions", "country");
        if (divisions is not ("country" or "province")) throw new UsageException("--divisions must be country or province.");
        var folder = options.Get("divisions-path");
        if (folder is not null && !File.Exists(Path.Combine(folder, "streets.csv"))) throw new UsageException($"--divisions-path {folder} has no streets.csv.");
        var today = options.Get("today") is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd") : ChinaTime.Today(TimeProvider.System);

        Console.WriteLine($"Generating scale '{scale.Name}' ({scale.Description}) into {target.Describe}");
        Console.WriteLine($"Divisions: {(divisions == "country" ? "whole country" : "province " + scale.RootCode[..2])} from {folder ?? $"the list shipped with Wushe ({Features.Areas.NationalDivisions.AsOf:yyyy-MM-dd})"}; as of {today:yyyy-MM-dd}");
        var total = Stopwatch.StartNew();
        // --only k1,k2: add those kinds to a database generated before (same scale, seed and --today), keeping what is there;
        // --skip k1,k2: a fresh database without those kinds. The kinds of issue 8 need the residents of issue 7 (households).
        var only = options.Get("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Short.TryGetValue(k, out var t) ? t : throw new UsageException($"--only: unknown kind '{k}' (one of {string.Join(", ", Short.Keys)})")).ToHashSet();
        var skip = options.Get("skip")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Short.TryGetValue(k, out var t) ? t : throw new UsageException($"--skip: unknown kind '{k}' (one of {string.Join(", ", Short.Keys)})")).ToHashSet() ?? [];
        if (only is null)
        {
            await target.RecreateAsync();
            Console.WriteLine($"  {"migrations",-42} {"",9} {total.Elapsed.TotalSeconds,7:0.00} s");
        }
        else
        {
            await using var migrate = target.OpenAsSystem();
            migrate.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await migrate.Database.MigrateAsync();
            Console.WriteLine($"  {"migrations (existing database)",-42} {"",9} {total.Elapsed.TotalSeconds,7:0.00} s");
        }

        await using var db = target.OpenAsSystem();
        db.SuppressEntityAudit = true;
        var ctx = new GenContext(db, scale, folder, divisions == "country", options.Get("seed", 20261129), options.Get("history", 4), today)
        {
            HourRecords = options.Get("hour-records", (int)VolunteersKind.DefaultHourRecords),
            HouseholdsPerTownship = options.Get("households-per-township", Households.HouseholdsPerTownship),
        };
        if (only is not null) await ctx.LoadExistingAsync();
        foreach (var kind in Kinds().Where(k => (only is null || only.Contains(k.GetType())) && !skip.Contains(k.GetType())))
        {
            var watch = Stopwatch.StartNew();
            var rows = await kind.CreateAsync(ctx);
            Console.WriteLine($"  {kind.Name,-42} {rows,9:N0} {watch.Elapsed.TotalSeconds,7:0.00} s");
        }
        {
            // The rows went in by bulk, past the app's save: the service roll-ups are computed from them as the app's rebuild does.
            var watch = Stopwatch.StartNew();
            await using var tallies = target.OpenAsSystem();
            tallies.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await Features.Households.ServiceTallies.RebuildAsync(tallies);
            Console.WriteLine($"  {"service roll-ups (ServiceTallies.RebuildAsync)",-42} {"",9} {watch.Elapsed.TotalSeconds,7:0.00} s");
        }
        {
            // The volunteers went in by bulk too: their tallies (the home page's figures) from the register, as the app's rebuild does.
            var watch = Stopwatch.StartNew();
            await using var tallies = target.OpenAsSystem();
            tallies.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await Features.Volunteers.VolunteerTallies.RebuildAsync(tallies);
            Console.WriteLine($"  {"volunteer roll-ups (VolunteerTallies.RebuildAsync)",-42} {"",9} {watch.Elapsed.TotalSeconds,7:0.00} s");
        }
        await target.AnalyzeAsync();
        Console.WriteLine($"CPU time of the generator: {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s (on a shared machine, compare this rather than the wall time).");
        Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:0.0} s. Every generated account signs in with the password {StaffUsers.Password}; the benchmark user is {StaffUsers.BenchUser}.");
        await PrintTotals(target);
        return 0;
    }

    static async Task PrintTotals(BenchDb target)
    {
        await using var db = target.OpenAsSystem();
        var counts = new (string, int)[]
        {
            ("Areas", await db.Areas.IgnoreQueryFilters().CountAsync()),
            ("Stations", await db.Stations.IgnoreQueryFilters().CountAsync()),
            ("Users", await db.Users.CountAsync()),
            ("StandardChecks", await db.Set<Features.Stations.StandardCheck>().IgnoreQueryFilters().CountAsync()),
            ("Supervisions", await db.Set<Features.Stations.Supervision>().IgnoreQueryFilters().CountAsync()),
            ("StationRatings", await db.Set<Features.Stations.StationRating>().IgnoreQueryFilters().CountAsync()),
            ("Households", await db.Set<Features.Households.Household>().IgnoreQueryFilters().CountAsync()),
            ("Residents", await db.Set<Features.Households.Resident>().IgnoreQueryFilters().CountAsync()),
            ("ResidentTags", await db.Set<Features.Households.ResidentTag>().IgnoreQueryFilters().CountAsync()),
            ("CardAssignments", await db.Set<Features.Households.CardAssignment>().IgnoreQueryFilters().CountAsync()),
            ("Visits", await db.Set<Features.Households.Visit>().IgnoreQueryFilters().CountAsync()),
            ("VisitParticipants", await db.Set<Features.Households.VisitParticipant>().IgnoreQueryFilters().CountAsync()),
            ("ServiceRecords", await db.Set<Features.Households.ServiceRecord>().IgnoreQueryFilters().CountAsync()),
            ("ServiceBeneficiaries", await db.Set<Features.Households.ServiceBeneficiary>().IgnoreQueryFilters().CountAsync()),
            ("Organizations", await db.Set<Features.Organizations.Organization>().IgnoreQueryFilters().CountAsync()),
            ("OrganizationServiceAreas", await db.Set<Features.Organizations.OrganizationServiceArea>().IgnoreQueryFilters().CountAsync()),
            ("Needs", await db.Set<Features.Needs.Need>().IgnoreQueryFilters().CountAsync()),
            ("NeedSteps", await db.Set<Features.Needs.NeedStep>().IgnoreQueryFilters().CountAsync()),
            ("NeedMatches", await db.Set<Features.Needs.NeedMatch>().IgnoreQueryFilters().CountAsync()),
            ("Projects", await db.Set<Features.Projects.Project>().IgnoreQueryFilters().CountAsync()),
            ("ProjectFundings", await db.Set<Features.Projects.ProjectFunding>().IgnoreQueryFilters().CountAsync()),
            ("ProjectIndicators", await db.Set<Features.Projects.ProjectIndicator>().IgnoreQueryFilters().CountAsync()),
            ("ProjectNeeds", await db.Set<Features.Projects.ProjectNeed>().IgnoreQueryFilters().CountAsync()),
            ("ProjectSteps", await db.Set<Features.Projects.ProjectStep>().IgnoreQueryFilters().CountAsync()),
            ("ProjectActivities", await db.Set<Features.Projects.ProjectActivity>().IgnoreQueryFilters().CountAsync()),
            ("Volunteers", await db.Set<Features.Volunteers.Volunteer>().IgnoreQueryFilters().CountAsync()),
            ("VolunteerTeams", await db.Set<Features.Volunteers.Teams.Team>().IgnoreQueryFilters().CountAsync()),
            ("TeamMembers", await db.Set<Features.Volunteers.Teams.TeamMember>().IgnoreQueryFilters().CountAsync()),
            ("VolunteerActivities", await db.Set<Features.Volunteers.Activities.Activity>().IgnoreQueryFilters().CountAsync()),
            ("Shifts", await db.Set<Features.Volunteers.Activities.Shift>().IgnoreQueryFilters().CountAsync()),
            ("SignUps", await db.Set<Features.Volunteers.Activities.SignUp>().IgnoreQueryFilters().CountAsync()),
            ("HourRecords", await db.Set<Features.Volunteers.Hours.HourRecord>().IgnoreQueryFilters().CountAsync()),
            ("HourTotals", await db.Set<Features.Volunteers.Hours.HourTotal>().IgnoreQueryFilters().CountAsync()),
            ("CommunityFunds", await db.Set<Features.Charity.CommunityFund>().IgnoreQueryFilters().CountAsync()),
            ("FundCommitteeMembers", await db.Set<Features.Charity.FundCommitteeMember>().IgnoreQueryFilters().CountAsync()),
            ("Donations", await db.Set<Features.Charity.Donation>().IgnoreQueryFilters().CountAsync()),
            ("FundEntries", await db.Set<Features.Charity.FundEntry>().IgnoreQueryFilters().CountAsync()),
            ("DisbursementRequests", await db.Set<Features.Charity.DisbursementRequest>().IgnoreQueryFilters().CountAsync()),
            ("DisbursementVotes", await db.Set<Features.Charity.DisbursementVote>().IgnoreQueryFilters().CountAsync()),
            ("DisbursementPayments", await db.Set<Features.Charity.DisbursementPayment>().IgnoreQueryFilters().CountAsync()),
            ("Campaigns", await db.Set<Features.Charity.Campaigns.Campaign>().IgnoreQueryFilters().CountAsync()),
            ("CampaignFunds", await db.Set<Features.Charity.Campaigns.CampaignFund>().IgnoreQueryFilters().CountAsync()),
            ("Wishes", await db.Set<Features.Charity.Wishes.Wish>().IgnoreQueryFilters().CountAsync()),
            ("WishClaims", await db.Set<Features.Charity.Wishes.WishClaim>().IgnoreQueryFilters().CountAsync()),
            ("SocialWorkers", await db.Set<Features.Workforce.SocialWorker>().IgnoreQueryFilters().CountAsync()),
            ("Qualifications", await db.Set<Features.Workforce.Qualification>().IgnoreQueryFilters().CountAsync()),
            ("Registrations", await db.Set<Features.Workforce.Registration>().IgnoreQueryFilters().CountAsync()),
            ("EducationRecords", await db.Set<Features.Workforce.EducationRecord>().IgnoreQueryFilters().CountAsync()),
            ("ExamCandidates", await db.Set<Features.Workforce.Exams.ExamCandidate>().IgnoreQueryFilters().CountAsync()),
            ("Trainings", await db.Set<Features.Workforce.Trainings.Training>().IgnoreQueryFilters().CountAsync()),
            ("TrainingEnrolments", await db.Set<Features.Workforce.Trainings.TrainingEnrolment>().IgnoreQueryFilters().CountAsync()),
            ("Competitions", await db.Set<Features.Competitions.Competition>().IgnoreQueryFilters().CountAsync()),
            ("CompetitionApplications", await db.Set<Features.Competitions.CompetitionApplication>().IgnoreQueryFilters().CountAsync()),
            ("CompetitionJudges", await db.Set<Features.Competitions.CompetitionJudge>().IgnoreQueryFilters().CountAsync()),
            ("CompetitionScores", await db.Set<Features.Competitions.CompetitionScore>().IgnoreQueryFilters().CountAsync()),
            ("CompetitionObjections", await db.Set<Features.Competitions.CompetitionObjection>().IgnoreQueryFilters().CountAsync()),
            ("CompetitionAwards", await db.Set<Features.Competitions.CompetitionAward>().IgnoreQueryFilters().CountAsync()),
            ("AwardMovements", await db.Set<Features.Competitions.AwardMovement>().IgnoreQueryFilters().CountAsync()),
            ("AuditRecords", await db.AuditRecords.CountAsync()),
        };
        Console.WriteLine("Table rows: " + string.Join(", ", counts.Select(c => $"{c.Item1} {c.Item2:N0}")));
        if (!target.IsPostgres) Console.WriteLine($"File size: {new FileInfo(target.SqlitePath!).Length / 1024.0 / 1024.0:0.0} MB (plus WAL)");
    }
}
