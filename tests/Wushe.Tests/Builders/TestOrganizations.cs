using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Organizations;

namespace Wushe.Tests.Builders;

/// <summary>Organizations for tests: registered at an area (the registering authority's), serving the areas given, in a status.</summary>
public static class TestOrganizations
{
    /// <summary>An organization of <paramref name="areaCode"/> serving <paramref name="served"/> (its own area unless told), saved as the system.</summary>
    public static async Task<Guid> CreateAsync(TestApp app, string areaCode, string[]? served = null, OrganizationStatus status = OrganizationStatus.Registered,
        string? name = null, OrganizationKind kind = OrganizationKind.VolunteerTeam)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var o = new Organization(areaCode, name ?? "测试社会组织" + Guid.NewGuid().ToString("N")[..6], kind,
            status == OrganizationStatus.Incubating ? OrganizationStatus.Incubating : OrganizationStatus.Registered, DateTimeOffset.UtcNow);
        db.Organizations.Add(o);
        foreach (var code in served ?? [areaCode]) db.Set<OrganizationServiceArea>().Add(new OrganizationServiceArea(o, code));
        if (status is OrganizationStatus.Suspended or OrganizationStatus.Deregistered) o.ChangeStatus(status, "测试");
        await db.SaveChangesAsync();
        return o.Id;
    }
}
