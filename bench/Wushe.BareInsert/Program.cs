using Microsoft.Data.Sqlite;
using Npgsql;

// The bare stack a write endpoint of Wushe is compared with (docs/PERFORMANCE.md, "Write path"):
// ASP.NET Core minimal API, no authentication, no EF Core, one insert transaction per request,
// on the same database settings as the app (SQLite WAL + synchronous=NORMAL; or PostgreSQL).
//   dotnet run -c Release --project bench/Wushe.BareInsert -- --urls http://127.0.0.1:5098 --db /tmp/bare.db
//   dotnet run -c Release --project bench/Wushe.BareInsert -- --urls http://127.0.0.1:5098 --postgres "Host=…;Database=…"
// POST /insert answers 201 after the row is committed.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var postgres = app.Configuration["postgres"];
var sqlitePath = app.Configuration["db"] ?? Path.Combine(Path.GetTempPath(), "wushe-bare.db");

if (postgres is { Length: > 0 })
{
    var source = NpgsqlDataSource.Create(postgres);
    await using (var cmd = source.CreateCommand("CREATE TABLE IF NOT EXISTS bare (id bigserial PRIMARY KEY, at timestamptz NOT NULL, payload text NOT NULL)"))
        await cmd.ExecuteNonQueryAsync();
    app.MapPost("/insert", async (HttpRequest request) =>
    {
        var payload = await new StreamReader(request.Body).ReadToEndAsync();
        await using var connection = await source.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand("INSERT INTO bare (at, payload) VALUES (now(), @p)", connection, tx);
        cmd.Parameters.AddWithValue("p", payload);
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return Results.StatusCode(StatusCodes.Status201Created);
    });
}
else
{
    var connectionString = new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = true }.ToString();
    await using (var setup = new SqliteConnection(connectionString))
    {
        await setup.OpenAsync();
        await using var cmd = setup.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS bare (id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload TEXT NOT NULL);";
        await cmd.ExecuteNonQueryAsync();
    }
    app.MapPost("/insert", async (HttpRequest request) =>
    {
        var payload = await new StreamReader(request.Body).ReadToEndAsync();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO bare (at, payload) VALUES (datetime('now'), $p)";
        cmd.Parameters.AddWithValue("$p", payload);
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return Results.StatusCode(StatusCodes.Status201Created);
    });
}
app.MapGet("/health", () => "ok");
app.Run();
