using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Access;

namespace Wushe.Tests.Platform;

/// <summary>Outside an HTTP request nobody acts unless named; pooled contexts carry no actor from one scope to the next.</summary>
public sealed class ActorTests(TestApp app)
{
    static readonly CurrentUser Xixiu = new(Guid.NewGuid(), "actor.test", [new Assignment(Role.BureauStaff, "520502000000", "", null)], null);

    [Fact]
    public async Task Code_without_an_actor_fails_instead_of_seeing_everything()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await Assert.ThrowsAsync<NoActorException>(() => db.Stations.CountAsync(TestContext.Current.CancellationToken));
        Assert.Throws<NoActorException>(() => db.Actor);
        Assert.Throws<NoActorException>(() => scope.ServiceProvider.GetRequiredService<CurrentUser>());
    }

    [Fact]
    public async Task A_named_actor_sees_its_scope_and_no_later_scope_inherits_it()
    {
        var ct = TestContext.Current.CancellationToken;
        // Other tests add stations while this one runs (the database is shared), so the test compares what is seen, not counts.
        Assert.Contains(await app.Query(db => db.Stations.Select(s => s.AreaCode).ToListAsync(ct)), a => !a.StartsWith("520502"));
        List<string> mine;
        await using (var scope = app.Scope(Xixiu))
            mine = await scope.ServiceProvider.GetRequiredService<AppDb>().Stations.Select(s => s.AreaCode).ToListAsync(ct);
        Assert.NotEmpty(mine);
        Assert.All(mine, a => Assert.StartsWith("520502", a));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>().ActingAs(Xixiu);
            var seen = await db.Stations.Select(s => s.AreaCode).ToListAsync(ct);
            Assert.NotEmpty(seen);
            Assert.All(seen, a => Assert.StartsWith("520502", a));
        }
        // The pool hands the same contexts out again: each rent starts with nobody.
        for (var i = 0; i < 4; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await Assert.ThrowsAsync<NoActorException>(() => scope.ServiceProvider.GetRequiredService<AppDb>().Stations.CountAsync(ct));
        }
        Assert.Contains(await app.Query(db => db.Stations.Select(s => s.AreaCode).ToListAsync(ct)), a => !a.StartsWith("520502"));
    }

    [Fact]
    public async Task A_resident_actor_passes_no_staff_permission_policy_and_holds_only_its_community()
    {
        const string community = "520502001001";
        var resident = CurrentUser.Resident("138****1234", community, "203.0.113.9");
        Assert.True(resident.IsResidentActor);
        Assert.False(resident.IsAuthenticated);
        Assert.Null(resident.Active);
        Assert.Empty(resident.Assignments);
        Assert.True(resident.Scope.Covers(community));
        Assert.False(resident.Scope.Covers("520502001002"));
        Assert.False(resident.Scope.Covers("520502000000"));

        // Every permission of every feature, through the handler the policies run: none succeeds for the resident. A community
        // staff member of the same community (what the resident borrowed before) passes some, so the walk can tell.
        var staff = new CurrentUser(Guid.NewGuid(), "staff", [new Assignment(Role.CommunityStaff, community, "", null)], null);
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        var passedByStaff = 0;
        Assert.NotEmpty(Permissions.All);
        foreach (var permission in Permissions.All)
        {
            Assert.False(resident.Has(permission), permission.Name);
            Assert.False(await Passes(resident, permission), permission.Name);
            if (await Passes(staff, permission)) passedByStaff++;
        }
        Assert.True(passedByStaff > 0);

        async Task<bool> Passes(CurrentUser user, Permission permission)
        {
            var context = new Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext([new PermissionRequirement(permission)], principal, null);
            await new PermissionHandler(user).HandleAsync(context);
            return context.HasSucceeded;
        }
    }
}
