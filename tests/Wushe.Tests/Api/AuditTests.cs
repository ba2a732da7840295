using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Demo;
using Wushe.Platform.Audit;

namespace Wushe.Tests.Api;

public sealed class AuditTests(TestApp app)
{
    Task<int> Count(string userName, AuditAction action) =>
        app.Query(db => db.AuditRecords.IgnoreQueryFilters().CountAsync(r => r.UserName == userName && r.Action == action));

    [Fact]
    public async Task A_sign_in_leaves_an_audit_record_naming_the_user()
    {
        var userName = await app.CreateUserAsync();
        Assert.Equal(0, await Count(userName, AuditAction.SignIn));
        await app.TokenAsync(userName, DemoData.Password);
        var record = Assert.Single(await app.Query(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(r => r.UserName == userName && r.Action == AuditAction.SignIn).ToListAsync()));
        Assert.Equal(AuditOutcome.Success, record.Outcome);
        Assert.NotNull(record.UserId);
        Assert.Equal(record.UserId.ToString(), record.EntityKey);
        Assert.True(DateTimeOffset.UtcNow - record.At < TimeSpan.FromMinutes(5), $"recorded at {record.At}");
    }

    [Fact]
    public async Task A_failed_sign_in_is_audited_with_its_reason_but_without_the_password()
    {
        const string wrong = "Secret-guess-42";
        var userName = await app.CreateUserAsync();
        using var client = app.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { login = userName, password = wrong });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var records = await app.Query(db => db.AuditRecords.IgnoreQueryFilters().Where(r => r.UserName == userName && r.Action == AuditAction.SignInFailed).ToListAsync());
        Assert.Single(records);
        Assert.Contains(records, r => r.Outcome == AuditOutcome.Failed && r.Reason == "password");
        Assert.DoesNotContain(records, r => (r.Reason + r.Fields + r.EntityKey).Contains(wrong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_records_cannot_be_changed_or_deleted_through_the_app()
    {
        await app.TokenAsync("xiangshan", DemoData.Password);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var record = await db.AuditRecords.IgnoreQueryFilters().OrderBy(r => r.Id).FirstAsync(r => r.UserName == "xiangshan");
        var reason = record.Reason;

        db.Entry(record).Property(r => r.Reason).CurrentValue = "rewritten";
        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", changed.Message, StringComparison.Ordinal);

        db.Entry(record).State = EntityState.Unchanged;
        db.AuditRecords.Remove(record);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        var stored = await app.Query(d => d.AuditRecords.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == record.Id));
        Assert.Equal(reason, stored.Reason);
    }

    [Fact]
    public async Task The_database_itself_refuses_to_change_or_delete_audit_records()
    {
        await app.TokenAsync("xiangshan", DemoData.Password);
        var id = await app.Query(db => db.AuditRecords.IgnoreQueryFilters().Where(r => r.UserName == "xiangshan").Select(r => r.Id).FirstAsync());
        // ExecuteUpdate/ExecuteDelete bypass SaveChanges: only the database's triggers stand in the way.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            app.Query(db => db.AuditRecords.IgnoreQueryFilters().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Reason, "rewritten"))));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            app.Query(db => db.AuditRecords.IgnoreQueryFilters().Where(r => r.Id == id).ExecuteDeleteAsync()));
        Assert.True(await app.Query(db => db.AuditRecords.IgnoreQueryFilters().AnyAsync(r => r.Id == id && r.Reason != "rewritten")));
    }

    [Fact]
    public async Task A_change_to_an_entity_is_audited_with_the_changed_field_names()
    {
        var userName = "audit." + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Wushe.Features.Accounts.User>>();
        var user = new Wushe.Features.Accounts.User(userName, "审计测试", "520502000000", DateTimeOffset.UtcNow);
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        user.DisplayName = "审计测试（改）";
        Assert.True((await users.UpdateAsync(user)).Succeeded);

        var records = await app.Query(db => db.AuditRecords.IgnoreQueryFilters().Where(r => r.EntityKey == user.Id.ToString()).OrderBy(r => r.Id).ToListAsync());
        Assert.Contains(records, r => r.Action == AuditAction.Create && r.Entity == "User");
        var update = Assert.Single(records, r => r.Action == AuditAction.Update);
        Assert.Contains("DisplayName", update.Fields!.Split(','));
        Assert.DoesNotContain("审计测试", update.Fields, StringComparison.Ordinal);
    }
}
