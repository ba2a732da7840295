using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Demo;
using Wushe.Platform.Audit;

namespace Wushe.Tests.Audit;

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

    /// <summary>Every column of the audit table, quoted, in the model's order (the raw statements below copy whole rows).</summary>
    static async Task<List<string>> AuditColumns(TestApp app) => await app.Query(db => Task.FromResult(
        db.Model.FindEntityType(typeof(AuditRecord))!.GetProperties().Select(p => p.GetColumnName()).ToList()));

    static string Q(string name) => "\"" + name + "\"";

    /// <summary>
    /// Raw SQL that would rewrite an audit record without UPDATE or DELETE: each must fail on the database
    /// itself, and the record must stay as it was. SQLite's REPLACE deletes the old row without firing delete
    /// triggers (unless a connection turns recursive_triggers on); PostgreSQL's upsert, MERGE and TRUNCATE.
    /// </summary>
    [Fact]
    public async Task No_raw_statement_rewrites_or_removes_an_audit_record()
    {
        await app.TokenAsync("xiangshan", DemoData.Password);
        var id = await app.Query(db => db.AuditRecords.Where(r => r.UserName == "xiangshan").OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var before = await app.Query(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.Id == id));
        var columns = await AuditColumns(app);
        var list = string.Join(", ", columns.Select(Q));
        var copy = string.Join(", ", columns.Select(c => c == "Reason" ? "'rewritten'" : Q(c)));
        var table = Q("AuditRecords");
        var row = $"SELECT {copy} FROM {table} WHERE {Q("Id")} = {id}";

        string[] statements = app.Provider == DatabaseProvider.Sqlite
            ?
            [
                $"INSERT OR REPLACE INTO {table} ({list}) {row}",
                $"REPLACE INTO {table} ({list}) {row}",
                $"INSERT INTO {table} ({list}) {row} AND 1 ON CONFLICT({Q("Id")}) DO UPDATE SET {Q("Reason")} = 'rewritten'",
                $"PRAGMA recursive_triggers = ON; INSERT OR REPLACE INTO {table} ({list}) {row}",
                $"UPDATE OR REPLACE {table} SET {Q("Reason")} = 'rewritten' WHERE {Q("Id")} = {id}",
                $"DELETE FROM {table}",
            ]
            :
            [
                $"INSERT INTO {table} ({list}) OVERRIDING SYSTEM VALUE {row} ON CONFLICT ({Q("Id")}) DO UPDATE SET {Q("Reason")} = 'rewritten'",
                $"MERGE INTO {table} t USING (SELECT {id} AS id) s ON t.{Q("Id")} = s.id WHEN MATCHED THEN UPDATE SET {Q("Reason")} = 'rewritten'",
                $"MERGE INTO {table} t USING (SELECT {id} AS id) s ON t.{Q("Id")} = s.id WHEN MATCHED THEN DELETE",
                $"TRUNCATE {table}",
                $"DELETE FROM {table} WHERE {Q("Id")} = {id}",
            ];
        var rewrote = new List<string>();
        foreach (var sql in statements)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            // In a transaction that is always rolled back: should a statement get through, the shared database stays whole.
            await using var tx = await db.Database.BeginTransactionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync(sql);
                rewrote.Add(sql);
            }
            catch (System.Data.Common.DbException)
            {
                // Refused by the database: what we want.
            }
            await tx.RollbackAsync();
            if (app.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA recursive_triggers = OFF;");
        }
        Assert.True(rewrote.Count == 0, "The database let these through:\n" + string.Join("\n", rewrote));
        var after = await app.Query(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((before.Reason, before.At, before.Action, before.UserName), (after.Reason, after.At, after.Action, after.UserName));

        // Appending still works, on the same connection settings.
        await app.Query(async db =>
        {
            db.AuditRecords.Add(new AuditRecord(DateTimeOffset.UtcNow, Wushe.Platform.Access.CurrentUser.System, AuditAction.Import, "Test", "append"));
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_change_to_an_entity_is_audited_with_the_changed_field_names()
    {
        var userName = "audit." + Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Wushe.Features.Accounts.User>>();
        var user = new Wushe.Features.Accounts.User(userName, "审计测试", "520502000000", DateTimeOffset.UtcNow);
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        user.Rename("审计测试（改）");
        Assert.True((await users.UpdateAsync(user)).Succeeded);

        var records = await app.Query(db => db.AuditRecords.IgnoreQueryFilters().Where(r => r.EntityKey == user.Id.ToString()).OrderBy(r => r.Id).ToListAsync());
        Assert.Contains(records, r => r.Action == AuditAction.Create && r.Entity == "User");
        var update = Assert.Single(records, r => r.Action == AuditAction.Update);
        Assert.Contains("DisplayName", update.Fields!.Split(','));
        Assert.DoesNotContain("审计测试", update.Fields, StringComparison.Ordinal);
    }
}
