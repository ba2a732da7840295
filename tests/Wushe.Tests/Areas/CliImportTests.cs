using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Areas;

/// <summary>
/// <c>Wushe import-divisions [FOLDER] [--mapping FILE] [--confirm]</c> as an operator runs it: the app's
/// own executable, in a process of its own, on a fresh database (SQLite, or PostgreSQL when the suite runs on it).
/// </summary>
public sealed class CliImportTests : IAsyncLifetime
{
    readonly TestDatabase database = TestDatabase.Create();
    readonly string work = Directory.CreateTempSubdirectory("wushe-cli").FullName;

    public async ValueTask InitializeAsync() => await database.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    async Task<(int Exit, string Output)> RunWushe(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wushe.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_ENVIRONMENT"] = start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Wushe"] = database.ConnectionString;
        start.Environment["Wushe__Database__Provider"] = database.Provider.ToString();
        start.Environment["Wushe__Keys__Encryption"] = TestApp.EncryptionKey;
        start.Environment["Wushe__Keys__Lookup"] = TestApp.LookupKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    async Task<long> Scalar(string sql)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    Task<long> CurrentTownships() => Scalar("SELECT COUNT(*) FROM \"Areas\" WHERE \"Level\" = 4 AND \"ValidTo\" IS NULL");

    [Fact]
    public async Task The_verb_imports_the_shipped_list_then_stops_at_a_truncated_file_and_reads_a_GB18030_one()
    {
        var rows = NationalDivisions.Parse().Rows;
        var townships = rows.Count(r => AreaCode.LevelOf(r.Code12) == AreaLevel.Township);

        var (exit, output) = await RunWushe("import-divisions");
        Assert.True(exit == 0, output);
        Assert.Contains($"Imported {rows.Count} rows: {rows.Count} added", output, StringComparison.Ordinal);
        Assert.Equal(townships, await CurrentTownships());

        // A newer list of one province (the other provinces are left as they are), cut off after 100 townships.
        var truncated = Path.Combine(work, "truncated");
        RealList.Provinces("37").Truncate("streets.csv", 100).WriteTo(truncated);
        (exit, output) = await RunWushe("import-divisions", truncated);
        Assert.True(exit == global::Wushe.Features.Areas.ImportDivisionsVerb.NeedsConfirmation, output);
        Assert.Contains("Run again with --confirm", output, StringComparison.Ordinal);
        Assert.Equal(townships, await CurrentTownships());

        var excel = Path.Combine(work, "excel");
        RealList.Provinces("37").Rename("370502001", "文汇新街道").WriteTo(excel, RealList.Gb18030);
        (exit, output) = await RunWushe("import-divisions", excel);
        Assert.True(exit == 0, output);
        Assert.Contains("1 renamed", output, StringComparison.Ordinal);
        Assert.Contains("GB18030", output, StringComparison.Ordinal);
        Assert.Equal(1, await Scalar("SELECT COUNT(*) FROM \"Areas\" WHERE \"Code\" = '370502001000' AND \"Name\" = '文汇新街道'"));
    }
}
