using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Tests.Builders;

/// <summary>
/// Households for tests, registered through the real use case (<see cref="RegisterHousehold"/>) as the system. Without an area,
/// the household gets a community of its own under a new test township (<see cref="NewCommunityAsync"/>), so tests never share one.
/// </summary>
public static class TestHouseholds
{
    public sealed record Made(Guid Id, string AreaCode, IReadOnlyList<Guid> Members);

    /// <summary>A community (…001) under a new test township (<see cref="Places.NewTownshipAsync"/>), or under <paramref name="township"/>.</summary>
    public static async Task<string> NewCommunityAsync(TestApp app, string? township = null, int number = 1)
    {
        township ??= await Places.NewTownshipAsync(app);
        var code = township[..9] + number.ToString("000");
        await app.Query(async db =>
        {
            if (!await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == code))
            {
                db.Areas.Add(new Area(code, $"测试{township[6..9]}第{number}社区", AreaKind.Community, isGenerated: true, new DateOnly(2026, 1, 1)));
                await db.SaveChangesAsync();
            }
            return 0;
        });
        return code;
    }

    /// <summary>An adult head (with a fresh ID number and phone) born 1950-1980.</summary>
    public static ResidentFields Head(string? name = null, string? idNumber = null, List<Guid>? tags = null)
    {
        idNumber ??= Numbers.ResidentIdNumber();
        return new ResidentFields(name ?? "测试户主", ResidentId.IsMale(idNumber) ? Sex.Male : Sex.Female, ResidentId.BirthDate(idNumber), Relation.Head,
            idNumber, Numbers.Mobile(), Tags: tags);
    }

    /// <summary>A child of the head born on <paramref name="birth"/>, with a guardian and (unless told otherwise) the guardian's consent and an ID number.</summary>
    public static ResidentFields Child(DateOnly birth, bool consent = true, string name = "测试儿童") =>
        new(name, Sex.Female, birth, Relation.Child, consent ? Numbers.ResidentIdNumber(birth, male: false) : null,
            GuardianName: "测试监护人", GuardianRelation: "母亲", ConsentOn: consent ? birth.AddYears(1) : null);

    /// <summary>
    /// A household on <paramref name="areaCode"/> (a new community when null) with <paramref name="members"/> (a head when none).
    /// Throws when the use case refuses (a test setup error, not a finding).
    /// </summary>
    public static async Task<Made> CreateAsync(TestApp app, string? areaCode = null, string? address = null, Guid? workerId = null, params ResidentFields[] members)
    {
        areaCode ??= await NewCommunityAsync(app);
        if (members.Length == 0) members = [Head()];
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var result = await RegisterHousehold.Handle(services.GetRequiredService<AppDb>(), CurrentUser.System, services.GetRequiredService<Sealer>(),
            services.GetRequiredService<TimeProvider>(), new RegisterHousehold.Request(areaCode, address ?? "测试路1号", [.. members], workerId));
        if (!result.IsOk)
            throw new InvalidOperationException($"The test household on {areaCode} was refused: {result.Failure!.Title} "
                + string.Join("; ", (result.Failure.Errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return new Made(result.Value!.Id, areaCode, result.Value.Members);
    }
}
